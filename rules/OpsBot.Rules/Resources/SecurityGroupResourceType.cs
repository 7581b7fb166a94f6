using OpsBot.Rules.Events;

namespace OpsBot.Rules.Resources;

/// <summary>EC2 security groups.</summary>
public sealed class SecurityGroupResourceType : IResourceType
{
    /// <summary>The policy name of this resource type.</summary>
    public const string TypeName = "aws.ec2.security-group";

    /// <inheritdoc />
    public string Name => TypeName;

    /// <inheritdoc />
    public string EventSource => "ec2.amazonaws.com";

    /// <inheritdoc />
    public IReadOnlyList<string> EventNames { get; } =
    [
        "AuthorizeSecurityGroupIngress",
        "AuthorizeSecurityGroupEgress",
        "ModifySecurityGroupRules",
        "CreateSecurityGroup",
    ];

    /// <inheritdoc />
    public IReadOnlyList<string> Selections { get; } = ["ingress", "egress"];

    /// <inheritdoc />
    public IReadOnlyList<ResourceReference> FindResources(CloudTrailEvent cloudTrailEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudTrailEvent);
        var request = cloudTrailEvent.RequestParameters;
        if (cloudTrailEvent.EventName == "ModifySecurityGroupRules")
        {
            var modify = CloudTrailJson.Object(request, "ModifySecurityGroupRulesRequest") ?? request;
            return [ById(CloudTrailJson.String(modify, "GroupId") ?? CloudTrailJson.String(modify, "groupId"), cloudTrailEvent)];
        }

        if (cloudTrailEvent.EventName == "CreateSecurityGroup")
        {
            return [ById(CloudTrailJson.String(cloudTrailEvent.ResponseElements, "groupId"), cloudTrailEvent)];
        }

        if (CloudTrailJson.String(request, "groupId") is { Length: > 0 } groupId)
        {
            return [new ResourceReference(TypeName, groupId)];
        }

        if (CloudTrailJson.String(request, "groupName") is { Length: > 0 } groupName)
        {
            return [new ResourceReference(TypeName, null, groupName, CloudTrailJson.String(request, "vpcId"))];
        }

        throw new MalformedEventException($"{cloudTrailEvent.EventName} event {cloudTrailEvent.Id} names no security group (no groupId or groupName in requestParameters)");
    }

    private static ResourceReference ById(string? groupId, CloudTrailEvent cloudTrailEvent) =>
        string.IsNullOrEmpty(groupId)
            ? throw new MalformedEventException($"{cloudTrailEvent.EventName} event {cloudTrailEvent.Id} carries no security group id")
            : new ResourceReference(TypeName, groupId);
}
