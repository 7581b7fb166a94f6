using System.Text.Json;

namespace OpsBot.Cli.Tests.Scan;

/// <summary>
/// <c>opsbot scan</c> of a live moto member account, through an assumed role, against a saved scan
/// of the same account's describe output as the AWS CLI prints it.
/// </summary>
[Trait("Category", "Integration")]
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class LiveScanTests : IAsyncLifetime
{
    private MemberAccountWorld _world = null!;

    public async Task InitializeAsync() => _world = await MemberAccountWorld.CreateAsync();

    public Task DisposeAsync()
    {
        _world.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_live_scan_of_security_groups_finds_what_a_saved_scan_of_their_describe_output_finds()
    {
        var live = await LiveAsync("aws.ec2.security-group");
        var saved = await SavedAsync("aws.ec2.security-group", await _world.SecurityGroupInventoryAsync());

        Assert.Equal(saved, live);
        Assert.Contains(live, f => f.Resource == _world.OpenSshGroup && f.Policy == "ec2-sg-admin-ports-public");
        Assert.DoesNotContain(live, f => f.Resource == _world.PrivateDatabaseGroup);
    }

    [Fact]
    public async Task A_live_scan_of_buckets_finds_what_a_saved_scan_of_their_describe_output_finds()
    {
        var live = await LiveAsync("aws.s3.bucket");
        var saved = await SavedAsync("aws.s3.bucket", [await _world.BucketInventoryAsync()]);

        Assert.Equal(saved, live);
        Assert.Contains(live, f => f.Resource == _world.PublicBucket && f.Policy == "s3-bucket-public-acl");
        Assert.DoesNotContain(live, f => f.Resource == _world.PrivateBucket);
    }

    [Fact]
    public async Task A_live_scan_of_snapshots_finds_what_a_saved_scan_of_their_describe_output_finds()
    {
        var live = await LiveAsync("aws.ec2.snapshot");
        var saved = await SavedAsync("aws.ec2.snapshot", [await _world.SnapshotInventoryAsync()]);

        Assert.Equal(saved, live);
        Assert.Equal([(_world.PublicSnapshot, "ec2-snapshot-public")], live.Select(f => (f.Resource, f.Policy)));
    }

    [Fact]
    public async Task Findings_carry_the_member_account_and_region()
    {
        var live = await LiveAsync("aws.ec2.security-group");

        Assert.NotEmpty(live);
        Assert.All(live, f => Assert.Equal((MemberAccountWorld.Account, MemberAccountWorld.Region), (f.Account, f.Region)));
    }

    [Fact]
    public async Task An_account_whose_region_cannot_be_read_is_reported_and_the_others_are_scanned()
    {
        var accounts = _world.WriteFile($"{MemberAccountWorld.Account}\n");

        var run = await Run(
            "scan", "--policies", RepositoryPaths.Policies, "--resource", "aws.ec2.security-group", "--format", "json",
            "--endpoint-url", _world.Endpoint.ToString(), "--role", MemberAccountWorld.Role, "--accounts", accounts, "--regions", $"{MemberAccountWorld.Region},no-such-region-1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"error: {MemberAccountWorld.Account}/no-such-region-1: ", run.Error, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(run.Output);
        Assert.Contains(report.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("resource").GetString() == _world.OpenSshGroup);
        Assert.Single(report.RootElement.GetProperty("summary").GetProperty("failed").EnumerateArray());
    }

    private async Task<List<Finding>> LiveAsync(string resourceType)
    {
        var accounts = _world.WriteFile($"# the member account\n{MemberAccountWorld.Account}  # moto\n\n");
        var run = await Run(
            "scan", "--policies", RepositoryPaths.Policies, "--resource", resourceType, "--format", "json",
            "--endpoint-url", _world.Endpoint.ToString(), "--role", MemberAccountWorld.Role, "--accounts", accounts, "--regions", MemberAccountWorld.Region);
        Assert.True(run.ExitCode == 0, run.Error);
        return Findings(run.Output);
    }

    private static async Task<List<Finding>> SavedAsync(string resourceType, string[] state)
    {
        var run = await CliRun.Of([
            "scan", "--policies", RepositoryPaths.Policies, "--resource", resourceType, "--format", "json",
            "--account", MemberAccountWorld.Account, "--region", MemberAccountWorld.Region, "--state", .. state]);
        Assert.True(run.ExitCode == 0, run.Error);
        return Findings(run.Output);
    }

    private static Task<CliRun> Run(params string[] args) => ScopedEnvironment.RunAsync(MemberAccountWorld.CallerEnvironment, () => CliRun.Of(args));

    private static List<Finding> Findings(string json)
    {
        using var report = JsonDocument.Parse(json);
        return
        [
            .. report.RootElement.GetProperty("findings").EnumerateArray()
                .Select(f => new Finding(
                    f.GetProperty("policy").GetString()!,
                    f.GetProperty("resource").GetString()!,
                    f.GetProperty("account").GetString()!,
                    f.GetProperty("region").GetString()!,
                    f.GetProperty("severity").GetString()!,
                    string.Join("\n", f.GetProperty("matches").EnumerateArray().Select(m => m.GetString())),
                    string.Join("\n", f.GetProperty("explanation").EnumerateArray().Select(m => m.GetString()))))
                .OrderBy(f => f.Resource, StringComparer.Ordinal).ThenBy(f => f.Policy, StringComparer.Ordinal),
        ];
    }

    private sealed record Finding(string Policy, string Resource, string Account, string Region, string Severity, string Matches, string Explanation);
}
