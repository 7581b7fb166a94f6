namespace OpsBot.Rules.Facts;

/// <summary>What a permission's peer is: an address range, a managed prefix list, or another group.</summary>
public enum SourceKind
{
    /// <summary>An IPv4 CIDR block (<c>CidrIp</c>).</summary>
    Ipv4Cidr,

    /// <summary>An IPv6 CIDR block (<c>CidrIpv6</c>).</summary>
    Ipv6Cidr,

    /// <summary>A managed prefix list (<c>pl-…</c>); its entries are not visible to the policy.</summary>
    PrefixList,

    /// <summary>A referenced security group (<c>sg-…</c>).</summary>
    SecurityGroup,
}
