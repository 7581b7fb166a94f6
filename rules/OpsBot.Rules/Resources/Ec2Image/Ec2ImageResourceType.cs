using OpsBot.Rules.Events;

namespace OpsBot.Rules.Resources.Ec2Image;

/// <summary>
/// AMIs: <c>image</c>, with its launch <c>permissions</c> (<c>permission</c>),
/// read offline from the document <see cref="ImageStateReader"/> describes.
/// </summary>
public sealed class Ec2ImageResourceType : ResourceType<ImageFact>, IRequestedStateReader
{
    /// <summary>The policy name of this resource type.</summary>
    public const string TypeName = "aws.ec2.image";

    /// <inheritdoc />
    public override string Name => TypeName;

    /// <inheritdoc />
    public override string EventSource => "ec2.amazonaws.com";

    /// <inheritdoc />
    public override string Variable => "image";

    /// <inheritdoc />
    public override IReadOnlyList<string> EventNames { get; } = ["ModifyImageAttribute"];

    /// <inheritdoc />
    public override IReadOnlyList<IElementCollection> Collections { get; } =
    [
        new ElementCollection<ImageFact, LaunchPermissionFact>(
            "permissions",
            "permission",
            "launch permission",
            image => image.Permissions,
            permission => new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["group"] = permission.Group,
                ["userId"] = permission.UserId,
                ["organizationArn"] = permission.OrganizationArn,
                ["organizationalUnitArn"] = permission.OrganizationalUnitArn,
            },
            explain: permission => $"{permission}{(permission.IsPublic ? " [public]" : "")}"),
    ];

    /// <inheritdoc />
    public override IReadOnlyList<Type> ExpressionTypes { get; } = [typeof(ImageFact), typeof(LaunchPermissionFact)];

    /// <inheritdoc />
    public override string StateDocument => ImageStateReader.Source;

    /// <inheritdoc />
    public override IReadOnlyList<ImageFact> Read(string document, string? companion) => ImageStateReader.Read(document);

    /// <inheritdoc />
    public override string IdOf(ImageFact resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.ImageId;
    }

    /// <inheritdoc />
    public override IReadOnlyList<ResourceReference> FindResources(CloudTrailEvent cloudTrailEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudTrailEvent);
        return CloudTrailJson.String(cloudTrailEvent.RequestParameters, "imageId") is { Length: > 0 } image
            ? [new ResourceReference(TypeName, image)]
            : throw new MalformedEventException($"{cloudTrailEvent.EventName} event {cloudTrailEvent.Id} names no image (no imageId in requestParameters)");
    }

    /// <inheritdoc />
    public IReadOnlyList<object> Requested(CloudTrailEvent cloudTrailEvent) =>
        ImageRequestedState.Read(cloudTrailEvent, FindResources(cloudTrailEvent)[0].Id ?? "");
}
