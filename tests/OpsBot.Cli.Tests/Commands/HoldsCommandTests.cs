using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Holds;
using OpsBot.Functions.State;

namespace OpsBot.Cli.Tests.Commands;

/// <summary><c>opsbot holds list</c> against a state table on moto: exemptions, suppressions and held actions, table and JSON.</summary>
[Trait("Category", "Integration")]
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class HoldsCommandTests : IDisposable
{
    private readonly MotoServer _moto = new();

    public void Dispose() => _moto.Dispose();

    [Fact]
    public async Task List_shows_exemptions_suppressions_and_held_actions_and_leaves_out_ended_ones()
    {
        var table = await SeededTableAsync();

        var run = await WithCredentials(() => CliRun.Of("holds", "list", "--table", table, "--region", "us-east-1", "--endpoint-url", _moto.Endpoint.ToString()));

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("KIND", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("exemption", StringComparison.Ordinal) && l.Contains("sg-0exempt", StringComparison.Ordinal) && l.Contains("U0SECOPS", StringComparison.Ordinal) && l.Contains("bastion until VPN", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("suppression", StringComparison.Ordinal) && l.Contains("sg-0undone", StringComparison.Ordinal) && l.Contains("vendor migration", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("held", StringComparison.Ordinal) && l.Contains("snap-0held", StringComparison.Ordinal) && l.Contains("arn:aws:sts::111111111111:assumed-role/Developer/alice", StringComparison.Ordinal));
        Assert.DoesNotContain("sg-0ended", run.Output, StringComparison.Ordinal);
        Assert.Equal("1 exemption(s), 1 suppression(s), 1 held action(s)", lines[^1].Trim());
    }

    [Fact]
    public async Task List_as_json_gives_who_why_and_until_for_each()
    {
        var table = await SeededTableAsync();

        var run = await WithCredentials(() => CliRun.Of("holds", "list", "--table", table, "--region", "us-east-1", "--endpoint-url", _moto.Endpoint.ToString(), "--format", "json"));

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["exemption", "suppression", "held"], rows.Select(r => r.GetProperty("kind").GetString()));
        var exemption = rows[0];
        Assert.Equal(("sg-0exempt", "U0SECOPS", "bastion until VPN", "evt-exempt"), (exemption.GetProperty("resourceId").GetString(), exemption.GetProperty("by").GetString(), exemption.GetProperty("why").GetString(), exemption.GetProperty("auditId").GetString()));
        Assert.True(DateTimeOffset.Parse(exemption.GetProperty("until").GetString()!, CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddDays(6));
        Assert.StartsWith("fight: held", rows[2].GetProperty("why").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--formt", "json")]
    [InlineData("--format", "yaml")]
    public async Task A_bad_option_is_refused_with_exit_2(string option, string value)
    {
        var run = await CliRun.Of("holds", "list", "--table", "t", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_table_is_one_line_and_exit_2()
    {
        var run = await WithCredentials(() => CliRun.Of("holds", "list", "--table", "no-such-table", "--region", "us-east-1", "--endpoint-url", _moto.Endpoint.ToString()));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: cannot read the holds in no-such-table", run.Error, StringComparison.Ordinal);
    }

    private async Task<string> SeededTableAsync()
    {
        var table = "opsbot-holds-" + Guid.NewGuid().ToString("N")[..8];
        var clients = new AwsClientFactory(new AwsEndpoints(new DictionaryEnvironmentVariables(new Dictionary<string, string>()), _moto.Endpoint), new BasicAWSCredentials("testing", "testing"));
        IAmazonDynamoDB dynamoDb = clients.CreateDynamoDb("us-east-1");
        var state = new DynamoDbStateStore(dynamoDb, table, TimeProvider.System);
        await state.EnsureTableAsync(CancellationToken.None);
        var holds = new HoldStore(dynamoDb, table);
        var now = DateTimeOffset.UtcNow;
        await holds.WriteAsync(Hold(HoldKind.Exemption, "sg-0exempt", "bastion until VPN", now, now.AddDays(7), "evt-exempt"), CancellationToken.None);
        await holds.WriteAsync(Hold(HoldKind.Suppression, "sg-0undone", "vendor migration", now, now.AddHours(24), "evt-undone"), CancellationToken.None);
        await holds.WriteAsync(Hold(HoldKind.Exemption, "sg-0ended", "long gone", now.AddDays(-8), now.AddDays(-1), "evt-ended"), CancellationToken.None);
        var until = now.AddMinutes(40).UtcDateTime.ToString("u", CultureInfo.InvariantCulture);
        await state.WriteAuditAsync(new AuditRecord
        {
            EventId = "evt-held",
            RecordedAt = now,
            Account = "111111111111",
            Region = "us-east-1",
            EventName = "ModifySnapshotAttribute",
            Actor = new AuditActor("arn:aws:sts::111111111111:assumed-role/Developer/alice", "AssumedRole", "111111111111", "203.0.113.24", "aws-cli/2"),
            Outcome = AuditOutcome.Held,
            Decisions = [new AuditDecision("ec2-snapshot-public", "hash", "high", "snap-0held", "notify", AuditOutcome.Held, $"fight: held, not remediated and not announced again: re-opened again by alice; escalated already in this window (until {until})", [], [], null, [])],
        }, CancellationToken.None);
        return table;
    }

    private static ResourceHold Hold(HoldKind kind, string resource, string reason, DateTimeOffset at, DateTimeOffset until, string audit) =>
        new(kind, Guid.NewGuid().ToString("N"), "111111111111", "us-east-1", resource, "ec2-sg-admin-ports-public", [], [], "U0SECOPS", reason, at, until, audit);

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
