using OpsBot.Cli.Local.Scenarios;
using OpsBot.Rules.Resources;

namespace OpsBot.Cli.Tests.Commands;

/// <summary><c>opsbot demo --scenario NAME</c> runs each type's story through the production flow; <c>--list</c> names them.</summary>
[Trait("Category", "Integration")]
// One at a time: the default demo checks that it leaves no moto_server process behind.
[Collection("demo")]
public sealed class DemoScenarioTests
{
    public static TheoryData<string> Scenarios() => [.. DemoScenarios.All.Skip(1).Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Each_scenario_passes_on_moto(string name)
    {
        var scenario = DemoScenarios.Find(name)!;

        var run = await CliRun.Of("demo", "--scenario", name, "--policies", RepositoryPaths.Policies, "--member-template", Path.Combine(RepositoryPaths.Root, "infra", "member-account.yaml"));

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains($"scenario {name}:", run.Output, StringComparison.Ordinal);
        Assert.Contains(scenario.PassedLine, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("FAILED:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_names_every_scenario_and_its_resource_type()
    {
        var run = await CliRun.Of("demo", "--list");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(DemoScenarios.All.Count, lines.Length);
        Assert.All(DemoScenarios.All, s => Assert.Contains(lines, l => l.StartsWith(s.Name + " ", StringComparison.Ordinal) && l.Contains(s.ResourceType, StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_resource_type_has_a_scenario()
    {
        var missing = ResourceTypeRegistry.Default.All.Select(t => t.Name).Except(DemoScenarios.All.Select(s => s.ResourceType)).ToList();

        Assert.True(missing.Count == 0, $"no demo scenario exercises {string.Join(", ", missing)}: add one to cli/OpsBot.Cli/Local/Scenarios and list it in DemoScenarios");
    }

    [Fact]
    public async Task An_unknown_scenario_is_a_usage_error_naming_the_known_ones()
    {
        var run = await CliRun.Of("demo", "--scenario", "s3-public-acls");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no scenario 's3-public-acls'", run.Error, StringComparison.Ordinal);
        Assert.Contains(DemoScenarios.Default.Name, run.Error, StringComparison.Ordinal);
    }
}
