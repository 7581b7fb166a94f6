using OpsBot.Rules.Events;

namespace OpsBot.Rules.Resources.Ec2Snapshot;

/// <summary>
/// EBS snapshots: <c>snapshot</c>, with its create-volume <c>permissions</c> (<c>permission</c>),
/// read offline from the document <see cref="SnapshotStateReader"/> describes.
/// </summary>
public sealed class Ec2SnapshotResourceType : ResourceType<SnapshotFact>, IRequestedStateReader
{
    /// <summary>The policy name of this resource type.</summary>
    public const string TypeName = "aws.ec2.snapshot";

    /// <inheritdoc />
    public override string Name => TypeName;

    /// <inheritdoc />
    public override string EventSource => "ec2.amazonaws.com";

    /// <inheritdoc />
    public override string Variable => "snapshot";

    /// <inheritdoc />
    public override IReadOnlyList<string> EventNames { get; } = ["ModifySnapshotAttribute"];

    /// <inheritdoc />
    public override IReadOnlyList<IElementCollection> Collections { get; } =
    [
        new ElementCollection<SnapshotFact, VolumePermissionFact>(
            "permissions",
            "permission",
            "create-volume permission",
            snapshot => snapshot.Permissions,
            permission => new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["group"] = permission.Group,
                ["userId"] = permission.UserId,
            },
            explain: permission => $"{permission}{(permission.IsPublic ? " [public]" : "")}"),
    ];

    /// <inheritdoc />
    public override IReadOnlyList<Type> ExpressionTypes { get; } = [typeof(SnapshotFact), typeof(VolumePermissionFact)];

    /// <inheritdoc />
    public override string StateDocument => SnapshotStateReader.Source;

    /// <inheritdoc />
    public override IReadOnlyList<SnapshotFact> Read(string document, string? companion) => SnapshotStateReader.Read(document);

    /// <inheritdoc />
    public override string IdOf(SnapshotFact resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.SnapshotId;
    }

    /// <inheritdoc />
    public override IReadOnlyList<ResourceReference> FindResources(CloudTrailEvent cloudTrailEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudTrailEvent);
        return CloudTrailJson.String(cloudTrailEvent.RequestParameters, "snapshotId") is { Length: > 0 } snapshot
            ? [new ResourceReference(TypeName, snapshot)]
            : throw new MalformedEventException($"{cloudTrailEvent.EventName} event {cloudTrailEvent.Id} names no snapshot (no snapshotId in requestParameters)");
    }

    /// <inheritdoc />
    public IReadOnlyList<object> Requested(CloudTrailEvent cloudTrailEvent) =>
        SnapshotRequestedState.Read(cloudTrailEvent, FindResources(cloudTrailEvent)[0].Id ?? "");
}
