using OpsBot.Rules.Events;

namespace OpsBot.Rules.Resources.RdsSnapshot;

/// <summary>
/// Manual RDS DB snapshots: <c>snapshot</c>, with the values of its <c>restore</c> attribute
/// (<c>permission</c>), read offline from the document <see cref="SnapshotStateReader"/> describes.
/// </summary>
public sealed class DbSnapshotResourceType : ResourceType<DbSnapshotFact>, IRequestedStateReader
{
    /// <summary>The policy name of this resource type.</summary>
    public const string TypeName = "aws.rds.db-snapshot";

    /// <inheritdoc />
    public override string Name => TypeName;

    /// <inheritdoc />
    public override string EventSource => "rds.amazonaws.com";

    /// <inheritdoc />
    public override string Variable => "snapshot";

    /// <inheritdoc />
    public override IReadOnlyList<string> EventNames { get; } = ["ModifyDBSnapshotAttribute"];

    /// <inheritdoc />
    public override IReadOnlyList<IElementCollection> Collections { get; } =
    [
        new ElementCollection<DbSnapshotFact, RestorePermissionFact>(
            "restore",
            "permission",
            "restore permission",
            snapshot => snapshot.Restore,
            permission => new Dictionary<string, string>(StringComparer.Ordinal) { ["value"] = permission.Value },
            explain: permission => $"{permission}{(permission.IsPublic ? " [public]" : "")}"),
    ];

    /// <inheritdoc />
    public override IReadOnlyList<Type> ExpressionTypes { get; } = [typeof(DbSnapshotFact), typeof(RestorePermissionFact)];

    /// <inheritdoc />
    public override string StateDocument => SnapshotStateShape.DbSnapshot.Source;

    /// <inheritdoc />
    public override IReadOnlyList<DbSnapshotFact> Read(string document, string? companion) =>
        [.. SnapshotStateReader.Read(document, SnapshotStateShape.DbSnapshot).Select(s => new DbSnapshotFact { Identifier = s.Identifier, Restore = s.Restore, Tags = s.Tags })];

    /// <inheritdoc />
    public override string IdOf(DbSnapshotFact resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Identifier;
    }

    /// <inheritdoc />
    public override IReadOnlyList<ResourceReference> FindResources(CloudTrailEvent cloudTrailEvent) =>
        SnapshotEventIds.Find(cloudTrailEvent, TypeName, "dBSnapshotIdentifier");

    /// <inheritdoc />
    public IReadOnlyList<object> Requested(CloudTrailEvent cloudTrailEvent) =>
        [new DbSnapshotFact { Identifier = FindResources(cloudTrailEvent)[0].Id ?? "", Restore = SnapshotRequestedState.Restore(cloudTrailEvent, "dBSnapshotAttributes") }];
}
