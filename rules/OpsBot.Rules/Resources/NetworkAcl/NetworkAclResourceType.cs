using OpsBot.Rules.Events;

namespace OpsBot.Rules.Resources.NetworkAcl;

/// <summary>
/// Network ACLs: <c>acl</c>, with its inbound entries <c>ingress</c> and outbound entries
/// <c>egress</c> (each <c>entry</c>), read offline from what <c>aws ec2 describe-network-acls</c> prints.
/// </summary>
public sealed class NetworkAclResourceType : ResourceType<NetworkAclFact>, IRequestedStateReader
{
    /// <summary>The policy name of this resource type.</summary>
    public const string TypeName = "aws.ec2.network-acl";

    /// <inheritdoc />
    public override string Name => TypeName;

    /// <inheritdoc />
    public override string EventSource => "ec2.amazonaws.com";

    /// <inheritdoc />
    public override string Variable => "acl";

    /// <inheritdoc />
    public override IReadOnlyList<string> EventNames { get; } = ["CreateNetworkAclEntry", "ReplaceNetworkAclEntry"];

    /// <inheritdoc />
    public override IReadOnlyList<IElementCollection> Collections { get; } =
    [
        Entries("ingress", "inbound ACL entry", acl => acl.Ingress, false),
        Entries("egress", "outbound ACL entry", acl => acl.Egress, true),
    ];

    /// <inheritdoc />
    public override IReadOnlyList<Type> ExpressionTypes { get; } = [typeof(NetworkAclFact), typeof(NetworkAclEntryFact), typeof(NetworkAclPortRange)];

    /// <inheritdoc />
    public override string StateDocument => NetworkAclStateReader.Source;

    /// <inheritdoc />
    public override IReadOnlyList<NetworkAclFact> Read(string document, string? companion) => NetworkAclStateReader.Read(document);

    /// <inheritdoc />
    public override string IdOf(NetworkAclFact resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Id;
    }

    /// <inheritdoc />
    public override IReadOnlyList<ResourceReference> FindResources(CloudTrailEvent cloudTrailEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudTrailEvent);
        return CloudTrailJson.String(cloudTrailEvent.RequestParameters, "networkAclId") is { Length: > 0 } id
            ? [new ResourceReference(TypeName, id)]
            : throw new MalformedEventException($"{cloudTrailEvent.EventName} event {cloudTrailEvent.Id} names no network ACL (no networkAclId in requestParameters)");
    }

    /// <inheritdoc />
    public IReadOnlyList<object> Requested(CloudTrailEvent cloudTrailEvent) =>
        NetworkAclRequestedState.Read(cloudTrailEvent, FindResources(cloudTrailEvent)[0].Id ?? "");

    private static ElementCollection<NetworkAclFact, NetworkAclEntryFact> Entries(string name, string noun, Func<NetworkAclFact, IReadOnlyList<NetworkAclEntryFact>> entries, bool egress) => new(
        name,
        "entry",
        noun,
        entries,
        entry => new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ruleNumber"] = entry.RuleNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["protocol"] = entry.Protocol,
            ["fromPort"] = entry.FromPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["toPort"] = entry.ToPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["cidr"] = entry.Cidr,
            ["ruleAction"] = entry.RuleAction,
        },
        membership: egress ? entry => entry.Egress : entry => !entry.Egress,
        explain: entry => $"{entry}{(entry.IsEffectiveAllowFromInternet ? $" [lets the internet in: {(entry.InternetOpenPorts.Count > 0 ? string.Join(", ", entry.InternetOpenPorts) : "all its traffic")}, no lower-numbered deny turns it away]" : "")}",
        normalizeExpected: (key, value) => key == "protocol" ? Facts.IpProtocol.Normalize(value) : value);
}
