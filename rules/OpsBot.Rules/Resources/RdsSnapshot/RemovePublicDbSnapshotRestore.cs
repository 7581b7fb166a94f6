using OpsBot.Rules.Actions;
using OpsBot.Rules.Evaluation;

namespace OpsBot.Rules.Resources.RdsSnapshot;

/// <summary>
/// Removes <c>all</c> from a manual DB snapshot's <c>restore</c> attribute, so it is no longer
/// public; the accounts it is shared with stay, and the attribute's values before are the restorable state.
/// </summary>
public sealed class RemovePublicDbSnapshotRestore : IRemediationAction
{
    /// <summary>The <c>verify</c> option's name.</summary>
    public const string VerifyOption = "verify";

    /// <summary>The action's name.</summary>
    public const string ActionName = "remove-public-db-snapshot-restore";

    /// <inheritdoc />
    public string Name => ActionName;

    /// <inheritdoc />
    public string Summary => "Remove 'all' from the DB snapshot's restore attribute (no longer public) and keep the accounts it is shared with.";

    /// <inheritdoc />
    public string ResourceType => DbSnapshotResourceType.TypeName;

    /// <inheritdoc />
    public IReadOnlyList<string> Selections { get; } = ["restore"];

    /// <inheritdoc />
    public IReadOnlyList<string> IamPermissions { get; } = ["rds:DescribeDBSnapshots", "rds:DescribeDBSnapshotAttributes", "rds:ModifyDBSnapshotAttribute"];

    /// <inheritdoc />
    public IReadOnlyList<ActionOption> Options { get; } =
    [
        new(VerifyOption, ActionOptionType.Boolean, true, "Re-read the snapshot's restore attribute after the change and report whether it now complies."),
    ];

    /// <inheritdoc />
    public string Example => """
        id: example-rds-snapshot-public
        title: DB snapshots must not be public
        severity: critical
        resource: aws.rds.db-snapshot
        triggers: [ModifyDBSnapshotAttribute]
        select: restore
        when: permission.IsPublic
        unless: snapshot.Tag("opsbot:exempt") == "true"
        remediation:
          action: remove-public-db-snapshot-restore
          mode: enforce
        notify: [slack, sns]
        """;

    /// <inheritdoc />
    public object CreateOptions(ActionOptionValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new SnapshotRemediationOptions(values.Boolean(VerifyOption));
    }

    /// <inheritdoc />
    public RemediationPlan Plan(PolicyDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        List<object> remove = [.. decision.Elements.OfType<RestorePermissionFact>().Where(p => p.IsPublic)];
        return new RemediationPlan(Name, decision.ResourceId, [], remove.Count == 0 ? "none of the matched restore permissions is 'all', and this action removes only that one" : null)
        {
            Elements = remove,
        };
    }
}
