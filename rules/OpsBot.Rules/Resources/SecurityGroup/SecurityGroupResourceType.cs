using System.Globalization;
using OpsBot.Rules.Events;
using OpsBot.Rules.Facts;

// The namespace is the one the functions already import; the folder is what groups the type.
namespace OpsBot.Rules.Resources;

/// <summary>
/// EC2 security groups: <c>sg</c>, with its <c>ingress</c> and <c>egress</c> permission elements
/// (<c>rule</c>), read offline from <c>aws ec2 describe-security-groups</c> output.
/// </summary>
public sealed class SecurityGroupResourceType : ResourceType<SecurityGroupFact>, IRequestedStateReader
{
    /// <summary>The policy name of this resource type.</summary>
    public const string TypeName = "aws.ec2.security-group";

    /// <inheritdoc />
    public override string Name => TypeName;

    /// <inheritdoc />
    public override string EventSource => "ec2.amazonaws.com";

    /// <inheritdoc />
    public override string Variable => "sg";

    /// <inheritdoc />
    public override IReadOnlyList<IElementCollection> Collections { get; } =
    [
        Permissions("ingress", TrafficDirection.Ingress),
        Permissions("egress", TrafficDirection.Egress),
    ];

    /// <inheritdoc />
    public override IReadOnlyList<Type> ExpressionTypes { get; } = [typeof(SecurityGroupFact), typeof(PermissionFact), typeof(TrafficDirection), typeof(SourceKind)];

    /// <inheritdoc />
    public override string StateDocument => "aws ec2 describe-security-groups (optionally with aws ec2 describe-security-group-rules, for rule ids)";

    /// <inheritdoc />
    public override IReadOnlyList<string> EventNames { get; } =
    [
        "AuthorizeSecurityGroupIngress",
        "AuthorizeSecurityGroupEgress",
        "ModifySecurityGroupRules",
        "CreateSecurityGroup",
        "CreateDefaultVpc",
    ];

    /// <inheritdoc />
    public override IReadOnlyList<SecurityGroupFact> Read(string document, string? companion) => SecurityGroupStateReader.Read(document, companion);

    /// <inheritdoc />
    public override IReadOnlyList<SecurityGroupFact> ReadUtf8(ReadOnlyMemory<byte> document, ReadOnlyMemory<byte>? companion) =>
        SecurityGroupStateReader.ReadUtf8(document, companion);

    /// <inheritdoc />
    public override IResourceInventory OpenState(ReadOnlyMemory<byte> document, ReadOnlyMemory<byte>? companion) =>
        SecurityGroupStateReader.Open(document, companion);

    /// <inheritdoc />
    public override string IdOf(SecurityGroupFact resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.GroupId;
    }

    /// <inheritdoc />
    public override bool IsReferencedBy(SecurityGroupFact resource, ResourceReference reference)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Id is { } id ? resource.GroupId == id
            : resource.GroupName == reference.Name && (reference.VpcId is null || resource.VpcId == reference.VpcId);
    }

    /// <inheritdoc />
    public override IReadOnlyList<ResourceReference> FindResources(CloudTrailEvent cloudTrailEvent)
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

        if (cloudTrailEvent.EventName == "CreateDefaultVpc")
        {
            // The new VPC's default group is not in the event: it is the group named "default" there.
            var response = CloudTrailJson.Object(cloudTrailEvent.ResponseElements, "CreateDefaultVpcResponse") ?? cloudTrailEvent.ResponseElements;
            return CloudTrailJson.Object(response, "vpc") is { } vpc && CloudTrailJson.String(vpc, "vpcId") is { Length: > 0 } vpcId
                ? [new ResourceReference(TypeName, null, SecurityGroupFact.DefaultGroupName, vpcId)]
                : throw new MalformedEventException($"CreateDefaultVpc event {cloudTrailEvent.Id} carries no VPC id (no vpc.vpcId in responseElements)");
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

    // Ingress and egress are both permission elements, so each collection says which are its own.
    private static ElementCollection<SecurityGroupFact, PermissionFact> Permissions(string name, TrafficDirection direction) => new(
        name,
        "rule",
        $"{name} rule",
        group => group.Permissions(direction),
        Describe,
        direction == TrafficDirection.Ingress ? rule => rule.Direction == TrafficDirection.Ingress : rule => rule.Direction == TrafficDirection.Egress,
        rule => $"{rule}{(rule.IsOpenToInternet ? $" [open to the internet: public address share {Share(rule.PublicAddressShare)} alone]" : "")}",
        (key, value) => key == "protocol" ? IpProtocol.Normalize(value) : value,
        ShowExpected);

    // The share is the fraction policies compare with (0 to 1); the percentage beside it is for
    // reading only, so that nobody writes `PublicAddressShare >= 50` after seeing "50%".
    private static string Share(double share) =>
        $"{share.ToString("0.####", CultureInfo.InvariantCulture)} ({(share * 100).ToString("0.##", CultureInfo.InvariantCulture)}%)";

    private static string ShowExpected(IReadOnlyDictionary<string, string> rule) =>
        $"{rule.GetValueOrDefault("protocol")} {rule.GetValueOrDefault("fromPort")}-{rule.GetValueOrDefault("toPort")} {rule.GetValueOrDefault("cidr") ?? rule.GetValueOrDefault("source")}";

    private static Dictionary<string, string> Describe(PermissionFact rule) => new(StringComparer.Ordinal)
    {
        ["direction"] = rule.Direction == TrafficDirection.Ingress ? "ingress" : "egress",
        ["protocol"] = rule.Protocol,
        ["fromPort"] = rule.FromPort.ToString(CultureInfo.InvariantCulture),
        ["toPort"] = rule.ToPort.ToString(CultureInfo.InvariantCulture),
        ["source"] = rule.Source,
        ["cidr"] = rule.Source,
    };

    /// <inheritdoc />
    public IReadOnlyList<object> Requested(CloudTrailEvent cloudTrailEvent) =>
        SecurityGroupRequestedState.Read(cloudTrailEvent, FindResources(cloudTrailEvent));
}
