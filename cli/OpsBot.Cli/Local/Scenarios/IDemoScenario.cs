namespace OpsBot.Cli.Local.Scenarios;

/// <summary>
/// One story <c>opsbot demo --scenario NAME</c> tells on the local topology: a member account makes a
/// resource unsafe, CloudTrail's record travels member bus -> central bus -> queue, the runner acts
/// through the assumed role, and the scenario checks the member account, the alert and the audit.
/// Add one by writing its class and listing it in <see cref="DemoScenarios"/>.
/// </summary>
public interface IDemoScenario
{
    /// <summary>The name <c>--scenario</c> takes, e.g. <c>s3-public-acl</c>.</summary>
    string Name { get; }

    /// <summary>The resource type it exercises, e.g. <c>aws.s3.bucket</c>.</summary>
    string ResourceType { get; }

    /// <summary>One line for <c>--list</c>: what the member does and what OpsBot does about it.</summary>
    string Summary { get; }

    /// <summary>The closing line when it passed, e.g. "demo passed: public ACL grant removed, …".</summary>
    string PassedLine { get; }

    /// <summary>Runs the story; returns the problems found (none: the scenario passed).</summary>
    Task<IReadOnlyList<string>> RunAsync(ScenarioRun run, CancellationToken cancellationToken);
}
