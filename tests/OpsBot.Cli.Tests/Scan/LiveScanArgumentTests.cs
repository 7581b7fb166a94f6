namespace OpsBot.Cli.Tests.Scan;

/// <summary>How <c>opsbot scan</c> refuses inconsistent sources before reading anything.</summary>
public sealed class LiveScanArgumentTests : IDisposable
{
    private readonly string _accounts = Path.Combine(Path.GetTempPath(), $"opsbot-accounts-{Guid.NewGuid():N}.txt");

    public void Dispose() => File.Delete(_accounts);

    [Fact]
    public async Task A_bad_line_in_the_accounts_file_exits_2_naming_file_and_line()
    {
        await File.WriteAllTextAsync(_accounts, "# members\n111111111111\n22222222222x\n");

        var run = await CliRun.Of("scan", "--policies", RepositoryPaths.Policies, "--accounts", _accounts, "--role", "opsbot-scan", "--regions", "us-east-1", "--endpoint-url", "http://127.0.0.1:1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{_accounts}:3: '22222222222x' is not a 12-digit account id", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_and_a_live_source_together_exit_2()
    {
        var run = await CliRun.Of("scan", "--policies", RepositoryPaths.Policies, "--state", RepositoryPaths.Fixture("state/ec2-snapshot-public.json"), "--resource", "aws.ec2.snapshot", "--live");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("give one or the other", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Neither_state_nor_a_live_source_exits_2()
    {
        var run = await CliRun.Of("scan", "--policies", RepositoryPaths.Policies);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nothing to scan", run.Error, StringComparison.Ordinal);
    }
}
