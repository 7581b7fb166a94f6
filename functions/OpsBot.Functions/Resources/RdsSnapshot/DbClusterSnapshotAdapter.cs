using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Rds;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Rules.Actions;
using OpsBot.Rules.Resources.RdsSnapshot;

namespace OpsBot.Functions.Resources.RdsSnapshot;

/// <summary>
/// Manual DB cluster snapshots in a member account, read with <c>DescribeDBClusterSnapshotAttributes</c> (restore
/// values) and <c>DescribeDBClusterSnapshots</c> (tags). <c>remove-public-db-cluster-snapshot-restore</c> removes
/// <c>all</c> from the restore attribute and keeps the accounts it is shared with; the change keeps
/// the attribute's values before, and undo adds <c>all</c> back.
/// </summary>
public sealed class DbClusterSnapshotAdapter : IResourceAdapter
{
    private static readonly DbClusterSnapshotResourceType Type = new();

    private readonly SnapshotRestoreChanges _changes = new(
        RdsSnapshotKind.DbClusterSnapshot,
        "DB cluster snapshot",
        RemovePublicDbClusterSnapshotRestore.ActionName,
        before => Type.Read(before, null).SelectMany(s => s.Restore).ToList());

    /// <inheritdoc />
    public string ResourceType => DbClusterSnapshotResourceType.TypeName;

    /// <inheritdoc />
    public IReadOnlyList<RestorePermission> RestorePermissions { get; } =
    [
        RestorePermission.NotDeniable("rds:ModifyDBClusterSnapshotAttribute", "RDS has no condition key for the values added or removed; the fix removes 'all' with the same action"),
    ];

    /// <inheritdoc />
    public async Task<object?> ReadAsync(MemberSession session, string resourceId, CancellationToken cancellationToken) =>
        await _changes.ReadAsync(session, resourceId, cancellationToken) is { } snapshot
            ? new DbClusterSnapshotFact { Identifier = snapshot.Identifier, Restore = [.. snapshot.Restore.Select(v => new RestorePermissionFact { Value = v })], Tags = snapshot.Tags }
            : null;

    /// <inheritdoc />
    public ResourceChange Describe(object resource, RemediationPlan plan)
    {
        var snapshot = resource as DbClusterSnapshotFact ?? throw new ArgumentException($"expected a DB cluster snapshot, got {resource?.GetType().Name}", nameof(resource));
        return _changes.Describe(snapshot.Identifier, snapshot.Restore, plan);
    }

    /// <inheritdoc />
    public Task ApplyAsync(MemberSession session, ResourceChange change, CancellationToken cancellationToken) => _changes.ApplyAsync(session, change, cancellationToken);

    /// <inheritdoc />
    public Task RestoreAsync(MemberSession session, ResourceChange change, CancellationToken cancellationToken) => _changes.RestoreAsync(session, change, cancellationToken);
}
