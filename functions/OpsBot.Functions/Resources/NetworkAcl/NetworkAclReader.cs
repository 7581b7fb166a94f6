using Amazon.EC2;
using Amazon.EC2.Model;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Resources.NetworkAcl;

namespace OpsBot.Functions.Resources.NetworkAcl;

/// <summary>
/// Reads a network ACL's live state with DescribeNetworkAcls, the call whose CLI output is its
/// offline state document (see <see cref="NetworkAclStateReader"/>), into its facts.
/// </summary>
internal static class NetworkAclReader
{
    public static async Task<NetworkAclFact?> ReadAsync(IAmazonEC2 ec2, string id, CancellationToken cancellationToken)
    {
        DescribeNetworkAclsResponse response;
        try
        {
            response = await ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest { NetworkAclIds = [id] }, cancellationToken);
        }
        catch (AmazonEC2Exception ex) when (ex.ErrorCode == "InvalidNetworkAclID.NotFound")
        {
            return null;
        }

        if (response.NetworkAcls?.FirstOrDefault(a => a.NetworkAclId == id) is not { } acl)
        {
            return null;
        }

        var fact = new NetworkAclFact
        {
            Id = id,
            VpcId = acl.VpcId ?? "",
            IsDefault = acl.IsDefault ?? false,
            Tags = (acl.Tags ?? []).GroupBy(t => t.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value ?? "", StringComparer.Ordinal),
        };
        return NetworkAclFactBuilder.Build(fact, (acl.Entries ?? []).Select(ToFact));
    }

    public static NetworkAclEntryFact ToFact(NetworkAclEntry entry) => new()
    {
        RuleNumber = entry.RuleNumber ?? 0,
        Egress = entry.Egress ?? false,
        Protocol = IpProtocol.Normalize(entry.Protocol),
        FromPort = entry.PortRange?.From ?? 0,
        ToPort = entry.PortRange?.To ?? 65535,
        IcmpType = entry.IcmpTypeCode?.Type ?? -1,
        IcmpCode = entry.IcmpTypeCode?.Code ?? -1,
        Cidr = entry.CidrBlock ?? entry.Ipv6CidrBlock ?? "",
        RuleAction = (entry.RuleAction?.Value ?? "").ToLowerInvariant(),
    };
}
