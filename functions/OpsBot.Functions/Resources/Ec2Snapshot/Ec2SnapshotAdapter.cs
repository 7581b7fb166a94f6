using Amazon.EC2;
using Amazon.EC2.Model;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Rules.Actions;
using OpsBot.Rules.Resources.Ec2Snapshot;

namespace OpsBot.Functions.Resources.Ec2Snapshot;

/// <summary>
/// EBS snapshots in a member account. <c>remove-public-snapshot-permission</c> removes the
/// create-volume permission of the group <c>all</c> and keeps every share with an account id; the
/// permissions the snapshot had are recorded, and undo adds the group permission back, leaving the
/// account shares as they are by then.
/// </summary>
public sealed class Ec2SnapshotAdapter : IResourceAdapter
{
    private const string RemovePublic = "remove-public-snapshot-permission";

    /// <inheritdoc />
    public string ResourceType => Ec2SnapshotResourceType.TypeName;

    /// <inheritdoc />
    public IReadOnlyList<RestorePermission> RestorePermissions { get; } =
    [
        RestorePermission.When("ec2:ModifySnapshotAttribute", RestoreCondition.Present("ec2:Add/group", "all")),
    ];

    /// <inheritdoc />
    public async Task<object?> ReadAsync(MemberSession session, string resourceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await SnapshotReader.ReadAsync(session.Ec2, resourceId, cancellationToken);
    }

    /// <inheritdoc />
    public ResourceChange Describe(object resource, RemediationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var snapshot = resource as SnapshotFact ?? throw new ArgumentException($"expected a snapshot, got {resource?.GetType().Name}", nameof(resource));
        if (plan.Action != RemovePublic)
        {
            throw new NotSupportedException($"{ResourceType} has no action '{plan.Action}'");
        }

        var removed = plan.Elements.OfType<VolumePermissionFact>().Where(p => p.IsPublic).ToList();
        var kept = snapshot.Permissions.Count(p => !p.IsPublic);
        return new ResourceChange(
            RemovePublic,
            snapshot.SnapshotId,
            $"remove the create-volume permission of {string.Join(", ", removed)} from {snapshot.SnapshotId}, keeping {kept} share(s) with specific accounts",
            [.. removed.Select(p => p.ToString())],
            SnapshotStateJson.Permissions(snapshot));
    }

    /// <inheritdoc />
    public async Task ApplyAsync(MemberSession session, ResourceChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(change);
        await ModifyGroupsAsync(session.Ec2, change, OperationType.Remove, cancellationToken);
    }

    /// <inheritdoc />
    public async Task RestoreAsync(MemberSession session, ResourceChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(change);
        await ModifyGroupsAsync(session.Ec2, change, OperationType.Add, cancellationToken);
    }

    // Only the public group permissions recorded in Before are removed and put back: the account
    // shares were never touched, so undo must not re-add one a user has removed since.
    private static async Task ModifyGroupsAsync(IAmazonEC2 ec2, ResourceChange change, OperationType operation, CancellationToken cancellationToken)
    {
        List<string> groups = [.. SnapshotStateJson.ReadPermissions(change.Before).Where(p => p.IsPublic).Select(p => p.Group).Distinct(StringComparer.Ordinal)];
        if (groups.Count == 0)
        {
            return;
        }

        await ec2.ModifySnapshotAttributeAsync(new ModifySnapshotAttributeRequest
        {
            SnapshotId = change.ResourceId,
            Attribute = SnapshotAttributeName.CreateVolumePermission,
            OperationType = operation,
            GroupNames = groups,
        }, cancellationToken);
    }
}
