using OpsBot.Rules.Events;

namespace OpsBot.Rules.Resources.RdsSnapshot;

/// <summary>
/// Manual RDS DB cluster snapshots (Aurora and Multi-AZ clusters): <c>snapshot</c>, with the values of its <c>restore</c> attribute
/// (<c>permission</c>), read offline from the document <see cref="SnapshotStateReader"/> describes.
/// </summary>
public sealed class DbClusterSnapshotResourceType : ResourceType<DbClusterSnapshotFact>, IRequestedStateReader
{
    /// <summary>The policy name of this resource type.</summary>
    public const string TypeName = "aws.rds.db-cluster-snapshot";

    /// <inheritdoc />
    public override string Name => TypeName;

    /// <inheritdoc />
    public override string EventSource => "rds.amazonaws.com";

    /// <inheritdoc />
    public override string Variable => "snapshot";

    /// <inheritdoc />
    public override IReadOnlyList<string> EventNames { get; } = ["ModifyDBClusterSnapshotAttribute"];

    /// <inheritdoc />
    public override IReadOnlyList<IElementCollection> Collections { get; } =
    [
        new ElementCollection<DbClusterSnapshotFact, RestorePermissionFact>(
            "restore",
            "permission",
            "restore permission",
            snapshot => snapshot.Restore,
            permission => new Dictionary<string, string>(StringComparer.Ordinal) { ["value"] = permission.Value },
            explain: permission => $"{permission}{(permission.IsPublic ? " [public]" : "")}"),
    ];

    /// <inheritdoc />
    public override IReadOnlyList<Type> ExpressionTypes { get; } = [typeof(DbClusterSnapshotFact), typeof(RestorePermissionFact)];

    /// <inheritdoc />
    public override string StateDocument => SnapshotStateShape.DbClusterSnapshot.Source;

    /// <inheritdoc />
    public override IReadOnlyList<DbClusterSnapshotFact> Read(string document, string? companion) =>
        [.. SnapshotStateReader.Read(document, SnapshotStateShape.DbClusterSnapshot).Select(s => new DbClusterSnapshotFact { Identifier = s.Identifier, Restore = s.Restore, Tags = s.Tags })];

    /// <inheritdoc />
    public override string IdOf(DbClusterSnapshotFact resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Identifier;
    }

    /// <inheritdoc />
    public override IReadOnlyList<ResourceReference> FindResources(CloudTrailEvent cloudTrailEvent) =>
        SnapshotEventIds.Find(cloudTrailEvent, TypeName, "dBClusterSnapshotIdentifier");

    /// <inheritdoc />
    public IReadOnlyList<object> Requested(CloudTrailEvent cloudTrailEvent) =>
        [new DbClusterSnapshotFact { Identifier = FindResources(cloudTrailEvent)[0].Id ?? "", Restore = SnapshotRequestedState.Restore(cloudTrailEvent, "dBClusterSnapshotAttributes") }];
}
