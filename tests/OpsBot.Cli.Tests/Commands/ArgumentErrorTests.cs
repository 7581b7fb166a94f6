namespace OpsBot.Cli.Tests.Commands;

/// <summary>Every verb refuses what it does not understand with exit 2 and one line, before doing any work.</summary>
public class ArgumentErrorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("opsbot-args-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task No_verb_prints_usage_and_exits_2()
    {
        var run = await CliRun.Of();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Usage:", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate", "--strict")]
    [InlineData("test", "--verbose")]
    [InlineData("schema", "--yaml")]
    [InlineData("run-local", "--queue-url", "http://127.0.0.1:1/q", "--dran")]
    [InlineData("demo", "--aprove")]
    public async Task An_unknown_option_is_refused_naming_it(params string[] args)
    {
        var run = await CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: unknown option '{args[^1]}' (see 'opsbot {args[0]} --help')", run.Error.Trim());
    }

    [Fact]
    public async Task A_mistyped_eval_option_is_not_taken_for_a_second_state_file()
    {
        var run = await CliRun.Of("eval", "--policies", RepositoryPaths.Policies, "--event", RepositoryPaths.Fixture("events/authorize-ssh-https-world.json"), "--state", RepositoryPaths.Fixture("state/sg-ssh-https-world.json"), "--jsno");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: unknown option '--jsno' (see 'opsbot eval --help')", run.Error.Trim());
    }

    [Fact]
    public async Task Eval_without_its_required_options_exits_2()
    {
        var run = await CliRun.Of("eval", "--policies", RepositoryPaths.Policies);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Eval_with_a_missing_policy_folder_exits_2()
    {
        var run = await CliRun.Of("eval", "--policies", Path.Combine(_folder, "nope"), "--event", RepositoryPaths.Fixture("events/authorize-ssh-https-world.json"), "--state", RepositoryPaths.Fixture("state/sg-ssh-https-world.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: {Path.Combine(_folder, "nope")}: no such file or directory", run.Error.Trim());
    }

    [Fact]
    public async Task Run_local_with_a_relative_endpoint_exits_2()
    {
        var run = await CliRun.Of("run-local", "--queue-url", "http://127.0.0.1:1/q", "--endpoint-url", "localhost:4566");

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task Demo_with_an_empty_policy_folder_exits_2_before_starting_an_emulator()
    {
        var run = await CliRun.Of("demo", "--policies", _folder, "--member-template", Path.Combine(RepositoryPaths.Root, "infra", "member-account.yaml"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: {_folder}: no policies in it (*.yaml outside tests/)", run.Error.Trim());
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Demo_with_a_garbage_policy_exits_2_with_its_location_and_no_stack_trace()
    {
        File.WriteAllText(Path.Combine(_folder, "garbage.yaml"), "id: [unclosed\n  : : :\n");

        var run = await CliRun.Of("demo", "--policies", _folder, "--member-template", Path.Combine(RepositoryPaths.Root, "infra", "member-account.yaml"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{Path.Combine(_folder, "garbage.yaml")}:2:3: invalid YAML", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Demo_with_a_missing_policy_folder_exits_2()
    {
        var run = await CliRun.Of("demo", "--policies", Path.Combine(_folder, "nope"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: {Path.Combine(_folder, "nope")}: no such file or directory", run.Error.Trim());
    }
}
