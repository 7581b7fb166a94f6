using System.Text.Json;
using Amazon.EC2.Model;
using OpsBot.Cli.Local.Scenarios;

namespace OpsBot.Cli.Tests.Scan;

/// <summary><c>opsbot replay --live</c> decides on the resources as they are now, not as the event requested them.</summary>
[Trait("Category", "Integration")]
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class LiveReplayTests : IAsyncLifetime
{
    private MemberAccountWorld _world = null!;

    public async Task InitializeAsync() => _world = await MemberAccountWorld.CreateAsync();

    public Task DisposeAsync()
    {
        _world.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_world_open_database_port_the_event_requested_is_not_matched_when_the_group_now_allows_only_the_vpc()
    {
        var log = _world.WriteFile($"{{\"Records\":[{PostgresOpenedToTheWorld()}]}}");

        var requested = await Replay(log);
        var live = await Replay(log, "--live", "--endpoint-url", _world.Endpoint.ToString(), "--role", MemberAccountWorld.Role);

        Assert.Equal(1, Matched(requested, "ec2-sg-database-ports-public"));
        Assert.Equal(0, Matched(live, "ec2-sg-database-ports-public"));
        Assert.Equal(1, Triggered(live, "ec2-sg-database-ports-public"));
    }

    // A real-shaped AuthorizeSecurityGroupIngress record for the database group, claiming 5432 from anywhere.
    private string PostgresOpenedToTheWorld() => AuthorizeIngressRecord.Write(
        MemberAccountWorld.Account,
        MemberAccountWorld.Region,
        _world.PrivateDatabaseGroup,
        "arn:aws:iam::111111111111:user/ops",
        [new SecurityGroupRule { GroupId = _world.PrivateDatabaseGroup, SecurityGroupRuleId = "sgr-0a1b2c3d4e5f60718", IsEgress = false, IpProtocol = "tcp", FromPort = 5432, ToPort = 5432, CidrIpv4 = "0.0.0.0/0" }],
        DateTimeOffset.Parse("2026-11-22T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<JsonElement> Replay(string log, params string[] live)
    {
        var run = await ScopedEnvironment.RunAsync(MemberAccountWorld.CallerEnvironment, () => CliRun.Of(["replay", "--policies", RepositoryPaths.Policies, "--json", .. live, log]));
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        return JsonDocument.Parse(run.Output).RootElement.Clone();
    }

    private static int Matched(JsonElement report, string policy) => Policy(report, policy).GetProperty("matched").GetInt32();

    private static int Triggered(JsonElement report, string policy) => Policy(report, policy).GetProperty("triggered").GetInt32();

    private static JsonElement Policy(JsonElement report, string policy) =>
        report.GetProperty("policies").EnumerateArray().Single(p => p.GetProperty("policy").GetString() == policy);
}
