namespace OpsBot.Cli.Tests.Commands;

public class ValidateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("opsbot-validate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_shipped_policies_are_valid()
    {
        var run = await CliRun.Of("validate", RepositoryPaths.Policies);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ec2-sg-admin-ports-public", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_copy_exits_non_zero_and_prints_file_line_col()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Policies, "ec2-sg-admin-ports-public.yaml"))
            .Replace("action: revoke-matched-ingress", "action: revoke-everything", StringComparison.Ordinal);
        var file = Path.Combine(_folder, "broken.yaml");
        File.WriteAllText(file, text);

        var run = await CliRun.Of("validate", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{file}:16:11: unknown action 'revoke-everything'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_path_is_reported()
    {
        var run = await CliRun.Of("validate", Path.Combine(_folder, "nope"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: {Path.Combine(_folder, "nope")}: no such file or directory", run.Error.Trim());
    }
}
