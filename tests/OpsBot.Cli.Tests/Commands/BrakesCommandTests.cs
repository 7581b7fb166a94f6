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
    public async Task Status_lists_the_held_batches_with_what_waits_and_who_released()
    {
        var (table, _) = await TableAsync();
        var held = new HeldViolations(Client(), table);
        var window = new DateTimeOffset(2026, 12, 3, 6, 0, 0, TimeSpan.Zero);
        var key = await held.HoldAsync("111122223333", window, TimeSpan.FromMinutes(10), "us-east-1", "ec2-snapshot-public", "snap-1", "evt-1", window.AddMinutes(1), CancellationToken.None);
        await held.HoldAsync("111122223333", window, TimeSpan.FromMinutes(10), "us-east-1", "ec2-snapshot-public", "snap-2", "evt-2", window.AddMinutes(2), CancellationToken.None);
        await held.HoldAsync("111122223333", window, TimeSpan.FromMinutes(10), "us-east-1", "ec2-snapshot-public", "snap-2", "evt-3", window.AddMinutes(3), CancellationToken.None);
        var first = (await held.ReadViolationsAsync(key, CancellationToken.None)).Single(v => v.ResourceId == "snap-1");
        Assert.NotNull(await held.TryTakeAsync(key, first, "U0SECOPS", window.AddMinutes(4), CancellationToken.None));
        await held.CompleteAsync(key, first, "U0SECOPS", window.AddMinutes(4), CancellationToken.None);

        var run = await WithCredentials(() => CliRun.Of("brakes", "status", "--table", table, "--region", "us-east-1", "--endpoint-url", _moto.Endpoint.ToString()));

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("held batches (1, newest first", run.Output, StringComparison.Ordinal);
        Assert.Contains("account 111122223333 window 2026-12-03 06:00:00Z to 2026-12-03 06:10:00Z: 2 held, 1 waiting, 1 released (last by U0SECOPS at 2026-12-03 06:04:00Z)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_says_when_nothing_is_held()
    {
        var (table, _) = await TableAsync();

        var run = await WithCredentials(() => CliRun.Of("brakes", "status", "--table", table, "--region", "us-east-1", "--endpoint-url", _moto.Endpoint.ToString()));

        Assert.Contains("held batches: none", run.Output, StringComparison.Ordinal);
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

    private Amazon.DynamoDBv2.IAmazonDynamoDB Client() =>
        new AwsClientFactory(new AwsEndpoints(new DictionaryEnvironmentVariables(new Dictionary<string, string>()), _moto.Endpoint), new BasicAWSCredentials("testing", "testing")).CreateDynamoDb("us-east-1");

    private async Task<(string Table, BrakeCounters Counters)> TableAsync()
    {
        var table = "opsbot-brakes-" + Guid.NewGuid().ToString("N")[..8];
        var dynamoDb = Client();
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
