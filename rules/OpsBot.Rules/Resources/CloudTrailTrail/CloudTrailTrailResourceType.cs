using OpsBot.Rules.Events;

namespace OpsBot.Rules.Resources.CloudTrailTrail;

/// <summary>
/// CloudTrail trails: <c>trail</c>, with its one-element <c>status</c> collection (<c>status</c>),
/// read offline from the document <see cref="TrailStateReader"/> describes. Events name the trail
/// by name or ARN in <c>requestParameters.name</c>; a trail deleted by <c>DeleteTrail</c> is
/// evaluated as a fact with <see cref="TrailFact.Exists"/> false.
/// </summary>
public sealed class CloudTrailTrailResourceType : ResourceType<TrailFact>, IDeletedResourceReader, IRequestedStateReader
{
    /// <summary>The policy name of this resource type.</summary>
    public const string TypeName = "aws.cloudtrail.trail";

    /// <summary>The event that deletes a trail.</summary>
    public const string DeleteTrail = "DeleteTrail";

    /// <inheritdoc />
    public override string Name => TypeName;

    /// <inheritdoc />
    public override string EventSource => "cloudtrail.amazonaws.com";

    /// <inheritdoc />
    public override string Variable => "trail";

    /// <inheritdoc />
    public override IReadOnlyList<string> EventNames { get; } =
    [
        "StopLogging",
        "UpdateTrail",
        "PutEventSelectors",
        DeleteTrail,
    ];

    /// <inheritdoc />
    public override IReadOnlyList<IElementCollection> Collections { get; } =
    [
        new ElementCollection<TrailFact, TrailStatusFact>(
            "status",
            "status",
            "trail status",
            trail => trail.Status,
            status => new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["isLogging"] = status.IsLogging ? "true" : "false",
                ["exists"] = status.Exists ? "true" : "false",
            }),
    ];

    /// <inheritdoc />
    public override IReadOnlyList<Type> ExpressionTypes { get; } = [typeof(TrailFact), typeof(TrailStatusFact)];

    /// <inheritdoc />
    public override string StateDocument => TrailStateReader.Source;

    /// <inheritdoc />
    public override IReadOnlyList<TrailFact> Read(string document, string? companion) => TrailStateReader.Read(document);

    /// <inheritdoc />
    public override string IdOf(TrailFact resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Name;
    }

    /// <inheritdoc />
    public override bool IsReferencedBy(TrailFact resource, ResourceReference reference)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Id is { } id && (id == resource.Name || (resource.Arn.Length > 0 && id == resource.Arn) || (id.StartsWith("arn:", StringComparison.Ordinal) && resource.Arn.Length == 0 && TrailNames.NameOf(id) == resource.Name));
    }

    /// <inheritdoc />
    public override IReadOnlyList<ResourceReference> FindResources(CloudTrailEvent cloudTrailEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudTrailEvent);
        return CloudTrailJson.String(cloudTrailEvent.RequestParameters, "name") is { Length: > 0 } trail
            ? [new ResourceReference(TypeName, trail)]
            : CloudTrailJson.String(cloudTrailEvent.RequestParameters, "trailName") is { Length: > 0 } named
            ? [new ResourceReference(TypeName, named)]
            : throw new MalformedEventException($"{cloudTrailEvent.EventName} event {cloudTrailEvent.Id} names no trail (no name in requestParameters)");
    }

    /// <inheritdoc />
    public object? Deleted(CloudTrailEvent cloudTrailEvent, ResourceReference reference)
    {
        ArgumentNullException.ThrowIfNull(cloudTrailEvent);
        ArgumentNullException.ThrowIfNull(reference);
        if (cloudTrailEvent.EventName != DeleteTrail || reference.Id is not { Length: > 0 } id)
        {
            return null;
        }

        var isArn = id.StartsWith("arn:", StringComparison.Ordinal);
        return new TrailFact { Name = TrailNames.NameOf(id), Arn = isArn ? id : "", HomeRegion = cloudTrailEvent.Region, Exists = false };
    }

    /// <inheritdoc />
    public IReadOnlyList<object> Requested(CloudTrailEvent cloudTrailEvent) =>
        TrailRequestedState.Read(cloudTrailEvent, FindResources(cloudTrailEvent)[0].Id ?? "");
}
