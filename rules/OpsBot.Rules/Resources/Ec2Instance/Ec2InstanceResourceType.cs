using OpsBot.Rules.Events;

namespace OpsBot.Rules.Resources.Ec2Instance;

/// <summary>
/// EC2 instances: <c>instance</c>, with its instance metadata service settings as the one-element
/// collection <c>metadata</c> (<c>metadata</c>), read offline from what <c>aws ec2 describe-instances</c>
/// prints (see <see cref="InstanceStateReader"/>).
/// </summary>
public sealed class Ec2InstanceResourceType : ResourceType<InstanceFact>, IRequestedStateReader
{
    /// <summary>The policy name of this resource type.</summary>
    public const string TypeName = "aws.ec2.instance";

    /// <inheritdoc />
    public override string Name => TypeName;

    /// <inheritdoc />
    public override string EventSource => "ec2.amazonaws.com";

    /// <inheritdoc />
    public override string Variable => "instance";

    /// <inheritdoc />
    public override IReadOnlyList<string> EventNames { get; } = ["RunInstances", "ModifyInstanceMetadataOptions"];

    /// <inheritdoc />
    public override IReadOnlyList<IElementCollection> Collections { get; } =
    [
        new ElementCollection<InstanceFact, MetadataOptionsFact>(
            "metadata",
            "metadata",
            "instance metadata setting",
            instance => instance.Metadata,
            options => new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["instanceId"] = options.InstanceId,
                ["httpTokens"] = options.HttpTokens,
                ["httpEndpoint"] = options.HttpEndpoint,
                ["hopLimit"] = options.HttpPutResponseHopLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            explain: options => $"{options}{(options.IsV1Allowed ? " [IMDSv1 allowed]" : "")}"),
    ];

    /// <inheritdoc />
    public override IReadOnlyList<Type> ExpressionTypes { get; } = [typeof(InstanceFact), typeof(MetadataOptionsFact)];

    /// <inheritdoc />
    public override string StateDocument => InstanceStateReader.Source;

    /// <inheritdoc />
    public override IReadOnlyList<InstanceFact> Read(string document, string? companion) => InstanceStateReader.Read(document);

    /// <inheritdoc />
    public override string IdOf(InstanceFact resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.InstanceId;
    }

    /// <inheritdoc />
    public override IReadOnlyList<ResourceReference> FindResources(CloudTrailEvent cloudTrailEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudTrailEvent);
        var ids = InstanceEventIds.Read(cloudTrailEvent);
        return ids.Count > 0
            ? [.. ids.Select(id => new ResourceReference(TypeName, id))]
            : throw new MalformedEventException($"{cloudTrailEvent.EventName} event {cloudTrailEvent.Id} names no instance ({InstanceEventIds.Where(cloudTrailEvent.EventName)})");
    }

    /// <inheritdoc />
    public IReadOnlyList<object> Requested(CloudTrailEvent cloudTrailEvent) =>
        InstanceRequestedState.Read(cloudTrailEvent, [.. FindResources(cloudTrailEvent).Select(r => r.Id ?? "")]);
}
