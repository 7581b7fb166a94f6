using System.Text.Json;
using Amazon.Runtime;
using OpsBot.Functions.Aws;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.State;

namespace OpsBot.Cli.Tests.Scan;

/// <summary>
/// <c>opsbot scan --remediate</c> on a live moto member account: what the scan finds goes through the
/// remediation pipeline (the member role, the state table, the alert topic), and a saved scan of the
/// account's describe output afterwards finds it fixed.
/// </summary>
[Trait("Category", "Integration")]
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class LiveRemediateTests : IAsyncLifetime
{
    private MemberAccountWorld _world = null!;
    private Dictionary<string, string> _environment = null!;

    public async Task InitializeAsync()
    {
        _world = await MemberAccountWorld.CreateAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var central = new AwsCli(_world.Endpoint, "testing", "testing", "", MemberAccountWorld.Region);
        var topic = (await central.JsonAsync("sns", "create-topic", "--name", "opsbot-alerts-" + suffix))["TopicArn"]!.GetValue<string>();
        var table = "opsbot-state-" + suffix;
        var clients = new AwsClientFactory(new AwsEndpoints(new ProcessEnvironmentVariables(), _world.Endpoint), new BasicAWSCredentials("testing", "testing"));
        using (var dynamoDb = clients.CreateDynamoDb(MemberAccountWorld.Region))
        {
            await new DynamoDbStateStore(dynamoDb, table, TimeProvider.System).EnsureTableAsync(CancellationToken.None);
        }

        _environment = new Dictionary<string, string>(MemberAccountWorld.CallerEnvironment)
        {
            ["AWS_ENDPOINT_URL"] = _world.Endpoint.ToString(),
            [OpsBotSettings.TableVariable] = table,
            [OpsBotSettings.TopicVariable] = topic,
            [OpsBotSettings.EventBusVariable] = "default",
            [OpsBotSettings.PoliciesVariable] = RepositoryPaths.Policies,
            [OpsBotSettings.MemberRoleVariable] = MemberAccountWorld.Role,
            [OpsBotSettings.ForceNotifyVariable] = "false",
        };
    }

    public Task DisposeAsync()
    {
        _world.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_public_snapshot_found_by_a_live_scan_is_made_private_through_the_pipeline_and_the_shared_one_is_kept()
    {
        var run = await RemediateAsync("aws.ec2.snapshot");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"{_world.PublicSnapshot}: remediated", run.Output, StringComparison.Ordinal);
        Assert.Empty(await SavedFindingsAsync("aws.ec2.snapshot", [await _world.SnapshotInventoryAsync()]));
    }

    [Fact]
    public async Task Ssh_open_to_the_world_found_by_a_live_scan_is_revoked_and_the_private_group_is_left_alone()
    {
        var before = await SavedFindingsAsync("aws.ec2.security-group", await _world.SecurityGroupInventoryAsync());
        var run = await RemediateAsync("aws.ec2.security-group");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"{_world.OpenSshGroup}: remediated", run.Output, StringComparison.Ordinal);
        Assert.Contains((_world.OpenSshGroup, "ec2-sg-admin-ports-public"), before);
        var after = await SavedFindingsAsync("aws.ec2.security-group", await _world.SecurityGroupInventoryAsync());
        Assert.DoesNotContain(after, f => f.Resource == _world.OpenSshGroup);
        Assert.DoesNotContain(before.Concat(after), f => f.Resource == _world.PrivateDatabaseGroup);
    }

    [Fact]
    public async Task Scanning_again_finds_nothing_left_to_remediate()
    {
        Assert.Equal(0, (await RemediateAsync("aws.ec2.snapshot")).ExitCode);

        var again = await RemediateAsync("aws.ec2.snapshot");

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.DoesNotContain(_world.PublicSnapshot, again.Output, StringComparison.Ordinal);
    }

    private Task<CliRun> RemediateAsync(string resourceType)
    {
        var accounts = _world.WriteFile($"{MemberAccountWorld.Account}\n");
        return ScopedEnvironment.RunAsync(_environment, () => CliRun.Of(
            "scan", "--policies", RepositoryPaths.Policies, "--resource", resourceType, "--format", "json", "--remediate",
            "--endpoint-url", _world.Endpoint.ToString(), "--role", MemberAccountWorld.Role, "--accounts", accounts, "--regions", MemberAccountWorld.Region));
    }

    private static async Task<List<(string Resource, string Policy)>> SavedFindingsAsync(string resourceType, string[] state)
    {
        var run = await CliRun.Of(["scan", "--policies", RepositoryPaths.Policies, "--resource", resourceType, "--format", "json", "--state", .. state]);
        Assert.True(run.ExitCode == 0, run.Error);
        using var report = JsonDocument.Parse(run.Output);
        return [.. report.RootElement.GetProperty("findings").EnumerateArray().Select(f => (f.GetProperty("resource").GetString()!, f.GetProperty("policy").GetString()!))];
    }
}
