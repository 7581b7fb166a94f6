using Testcontainers.LocalStack;

namespace OpsBot.Cli.Tests.Commands;

[Trait("Category", "Integration")]
public class DemoOnLocalStackTests
{
    [DockerFact]
    public async Task The_demo_passes_on_localstack()
    {
        await using var localStack = new LocalStackBuilder("localstack/localstack:3.8").Build();
        await localStack.StartAsync();

        var run = await CliRun.Of(
            "demo", "--endpoint-url", localStack.GetConnectionString(),
            "--policies", RepositoryPaths.Policies,
            "--member-template", Path.Combine(RepositoryPaths.Root, "infra", "member-account.yaml"));

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("demo passed", run.Output, StringComparison.Ordinal);
    }
}
