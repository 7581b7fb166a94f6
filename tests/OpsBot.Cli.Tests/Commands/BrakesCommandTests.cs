using Amazon.Runtime;
using OpsBot.Cli.Local;
using OpsBot.Functions.Aws;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.State;

namespace OpsBot.Cli.Tests.Commands;

/// <summary><c>opsbot brakes status|reset</c> against a state table on moto.</summary>
[Trait("Category", "Integration")]
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class BrakesCommandTests : IDisposable
{
    private readonly MotoServer _moto = new();

    public void Dispose() => _moto.Dispose();

    [Fact]
    public async Task Status_shows_a_tripped_breaker_and_reset_closes_it()
    {
        var (table, counters) = await TableAsync();
        Assert.True(await counters.TryTripAsync(DateTimeOffset.UtcNow, "more than 60 automatic actions", CancellationToken.None));

        var tripped = await WithCredentials(() => CliRun.Of("brakes", "status", "--table", table, "--region", "us-east-1", "--endpoint-url", _moto.Endpoint.ToString()));
        var reset = await WithCredentials(() => CliRun.Of("brakes", "reset", "--table", table, "--region", "us-east-1", "--endpoint-url", _moto.Endpoint.ToString(), "--by", "tester"));
        var closed = await WithCredentials(() => CliRun.Of("brakes", "status", "--table", table, "--region", "us-east-1", "--endpoint-url", _moto.Endpoint.ToString()));

        Assert.Equal(1, tripped.ExitCode);
        Assert.Contains("circuit breaker TRIPPED", tripped.Output, StringComparison.Ordinal);
        Assert.Contains("more than 60 automatic actions", tripped.Output, StringComparison.Ordinal);
        Assert.True(reset.ExitCode == 0, reset.Output + reset.Error);
        Assert.Contains("circuit breaker reset by cli:tester", reset.Output, StringComparison.Ordinal);
        Assert.Equal(0, closed.ExitCode);
        Assert.Contains("by cli:tester", closed.Output, StringComparison.Ordinal);
        Assert.False((await counters.ReadBreakerAsync(CancellationToken.None)).Tripped);
    }

    [Fact]
    public async Task Reset_of_a_closed_breaker_says_there_is_nothing_to_reset()
    {
        var (table, _) = await TableAsync();

        var run = await WithCredentials(() => CliRun.Of("brakes", "reset", "--table", table, "--region", "us-east-1", "--endpoint-url", _moto.Endpoint.ToString()));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("was not tripped", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_table_is_one_line_and_exit_2()
    {
        var run = await WithCredentials(() => CliRun.Of("brakes", "status", "--table", "no-such-table", "--region", "us-east-1", "--endpoint-url", _moto.Endpoint.ToString()));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: cannot read the circuit breaker in no-such-table", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private async Task<(string Table, BrakeCounters Counters)> TableAsync()
    {
        var table = "opsbot-brakes-" + Guid.NewGuid().ToString("N")[..8];
        var clients = new AwsClientFactory(new AwsEndpoints(new DictionaryEnvironmentVariables(new Dictionary<string, string>()), _moto.Endpoint), new BasicAWSCredentials("testing", "testing"));
        var dynamoDb = clients.CreateDynamoDb("us-east-1");
        await new DynamoDbStateStore(dynamoDb, table, TimeProvider.System).EnsureTableAsync(CancellationToken.None);
        return (table, new BrakeCounters(dynamoDb, table));
    }

    private static async Task<CliRun> WithCredentials(Func<Task<CliRun>> action)
    {
        var saved = (Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"), Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY"));
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
        try
        {
            return await action();
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", saved.Item1);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", saved.Item2);
        }
    }
}
