using OpsBot.Rules.Actions;
using OpsBot.Rules.Evaluation;

namespace OpsBot.Rules.Resources.Ec2Snapshot;

/// <summary>
/// Removes the <c>all</c> group from a snapshot's create-volume permissions, so no account but those
/// it is shared with by id can create volumes from it; those shares stay, and the permissions the
/// snapshot had are the restorable state.
/// </summary>
public sealed class RemovePublicSnapshotPermission : IRemediationAction
{
    /// <summary>The <c>verify</c> option's name.</summary>
    public const string VerifyOption = "verify";

    /// <inheritdoc />
    public string Name => "remove-public-snapshot-permission";

    /// <inheritdoc />
    public string Summary => "Remove the create-volume permission of the group 'all' from the snapshot and keep its shares with specific accounts.";

    /// <inheritdoc />
    public string ResourceType => Ec2SnapshotResourceType.TypeName;

    /// <inheritdoc />
    public IReadOnlyList<string> Selections { get; } = ["permissions"];

    /// <inheritdoc />
    public IReadOnlyList<string> IamPermissions { get; } = ["ec2:DescribeSnapshots", "ec2:DescribeSnapshotAttribute", "ec2:ModifySnapshotAttribute"];

    /// <inheritdoc />
    public IReadOnlyList<ActionOption> Options { get; } =
    [
        new(VerifyOption, ActionOptionType.Boolean, true, "Re-read the snapshot's create-volume permissions after the change and report whether it now complies."),
    ];

    /// <inheritdoc />
    public string Example => """
        id: example-ec2-snapshot-public
        title: EBS snapshots must not be public
        severity: high
        resource: aws.ec2.snapshot
        triggers: [ModifySnapshotAttribute]
        select: permissions
        when: permission.IsPublic
        unless: snapshot.Tag("opsbot:exempt") == "true"
        remediation:
          action: remove-public-snapshot-permission
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
        List<object> remove = [.. decision.Elements.OfType<VolumePermissionFact>().Where(p => p.IsPublic)];
        return new RemediationPlan(Name, decision.ResourceId, [], remove.Count == 0 ? "none of the matched permissions is to the group 'all', so there is nothing this action removes" : null)
        {
            Elements = remove,
        };
    }
}
