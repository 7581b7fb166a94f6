using OpsBot.Functions.Aws.Rds;
using OpsBot.Rules.Resources.RdsSnapshot;

namespace OpsBot.Cli.Local.Scenarios;

/// <summary>
/// A member makes a manual DB snapshot restorable by 'all' beside the partner account it was shared
/// with; the runner removes 'all' and only 'all' through the assumed role, alerts and audits with
/// the attribute's earlier values kept for undo.
/// </summary>
public sealed class RdsSnapshotPublicScenario : IDemoScenario
{
    private readonly RdsSnapshotStory _story = new(RdsSnapshotKind.DbSnapshot);

    /// <inheritdoc />
    public string Name => "rds-snapshot-public";

    /// <inheritdoc />
    public string ResourceType => DbSnapshotResourceType.TypeName;

    /// <inheritdoc />
    public string Summary => "A DB snapshot made restorable by 'all': 'all' is removed, the partner account's share stays.";

    /// <inheritdoc />
    public string PassedLine => "demo passed: 'all' removed from the DB snapshot's restore attribute, the partner account kept, alert sent, audit written";

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> RunAsync(ScenarioRun run, CancellationToken cancellationToken) => _story.RunAsync(run, cancellationToken);
}
