using OpsBot.Rules.Events;
using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Resources.NetworkAcl;

/// <summary>
/// A network ACL as one <c>CreateNetworkAclEntry</c> or <c>ReplaceNetworkAclEntry</c> call asked for
/// it: the one entry the call sets, beside the default deny of its direction. CloudTrail gives the
/// rule number and ports as numbers or strings, the protocol as <c>aclProtocol</c> (or <c>protocol</c>),
/// and <c>egress</c> as a boolean or a string.
/// </summary>
public static class NetworkAclRequestedState
{
    /// <summary>The entry <paramref name="cloudTrailEvent"/> requested, or null when it says too little.</summary>
    public static NetworkAclEntryFact? Entry(CloudTrailEvent cloudTrailEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudTrailEvent);
        var request = cloudTrailEvent.RequestParameters;
        if (CloudTrailJson.Int(request, "ruleNumber") is not { } number
            || (CloudTrailJson.String(request, "cidrBlock") ?? CloudTrailJson.String(request, "ipv6CidrBlock")) is not { } cidr)
        {
            return null;
        }

        var ports = CloudTrailJson.Object(request, "portRange");
        var icmp = CloudTrailJson.Object(request, "icmpTypeCode");
        return new NetworkAclEntryFact
        {
            RuleNumber = number,
            Egress = string.Equals(CloudTrailJson.String(request, "egress"), "true", StringComparison.OrdinalIgnoreCase),
            Protocol = IpProtocol.Normalize(CloudTrailJson.String(request, "aclProtocol") ?? CloudTrailJson.String(request, "protocol")),
            FromPort = ports is { } p ? CloudTrailJson.Int(p, "from") ?? 0 : 0,
            ToPort = ports is { } q ? CloudTrailJson.Int(q, "to") ?? 65535 : 65535,
            IcmpType = icmp is { } t ? CloudTrailJson.Int(t, "type") ?? -1 : -1,
            IcmpCode = icmp is { } c ? CloudTrailJson.Int(c, "code") ?? -1 : -1,
            Cidr = cidr,
            RuleAction = (CloudTrailJson.String(request, "ruleAction") ?? "").ToLowerInvariant(),
        };
    }

    /// <summary>The ACL <paramref name="id"/> holding only the requested entry and the default denies.</summary>
    public static IReadOnlyList<object> Read(CloudTrailEvent cloudTrailEvent, string id)
    {
        if (Entry(cloudTrailEvent) is not { } entry)
        {
            return [];
        }

        NetworkAclEntryFact DefaultDeny(bool egress, string cidr) => new()
        {
            RuleNumber = NetworkAclFactBuilder.DefaultRuleNumber,
            Egress = egress,
            Protocol = IpProtocol.All,
            Cidr = cidr,
            RuleAction = "deny",
        };

        return [NetworkAclFactBuilder.Build(new NetworkAclFact { Id = id }, [entry, DefaultDeny(false, "0.0.0.0/0"), DefaultDeny(true, "0.0.0.0/0")])];
    }
}
