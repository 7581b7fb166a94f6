using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Resources.NetworkAcl;

/// <summary>
/// One entry (rule) of a network ACL. EC2 checks the entries of a direction in rule-number order
/// and the first that matches a packet decides, so whether an allow entry really lets internet
/// traffic in depends on the lower-numbered deny entries before it: that effect is computed when
/// the ACL's facts are built and carried in <see cref="InternetOpenPorts"/> and <see cref="IsEffectiveAllowFromInternet"/>.
/// </summary>
public sealed record NetworkAclEntryFact
{
    /// <summary>The rule number that orders the entry (1-32766; 32767 is the default deny, shown as <c>*</c>).</summary>
    public required int RuleNumber { get; init; }

    /// <summary>True for an outbound entry.</summary>
    public required bool Egress { get; init; }

    /// <summary>The protocol as a name (<c>tcp</c>, <c>udp</c>, <c>icmp</c>, <c>icmpv6</c>), <c>-1</c> for all, or another IANA number.</summary>
    public required string Protocol { get; init; }

    /// <summary>The first port (TCP/UDP); 0 when the entry has no port range.</summary>
    public int FromPort { get; init; }

    /// <summary>The last port (TCP/UDP); 65535 when the entry has no port range.</summary>
    public int ToPort { get; init; } = 65535;

    /// <summary>The ICMP type, -1 for all (ICMP entries only).</summary>
    public int IcmpType { get; init; } = -1;

    /// <summary>The ICMP code, -1 for all (ICMP entries only).</summary>
    public int IcmpCode { get; init; } = -1;

    /// <summary>The IPv4 or IPv6 CIDR block the entry matches.</summary>
    public required string Cidr { get; init; }

    /// <summary><c>allow</c> or <c>deny</c>.</summary>
    public required string RuleAction { get; init; }

    /// <summary>Share (0 to 1) of its family's public address space that <see cref="Cidr"/> admits on its own.</summary>
    public double PublicAddressShare { get; init; }

    /// <summary>True when <see cref="Cidr"/> alone admits a large part of the internet (1/256 of its family's public space or more), whatever the action.</summary>
    public bool IsOpenToInternet { get; init; }

    /// <summary>
    /// The TCP and UDP ports this entry, if it is an allow, really lets in from the internet: the
    /// ports for which the public addresses it admits, less those that lower-numbered deny entries
    /// of the same direction turn away first, still make up a large part of the internet.
    /// </summary>
    public IReadOnlyList<NetworkAclPortRange> InternetOpenPorts { get; init; } = [];

    /// <summary>
    /// True when this is an allow entry that lets some traffic in from the internet that no
    /// lower-numbered deny entry turns away first.
    /// </summary>
    public bool IsEffectiveAllowFromInternet { get; init; }

    /// <summary>True for <c>allow</c>.</summary>
    public bool IsAllow => RuleAction == "allow";

    /// <summary>True for <c>deny</c>.</summary>
    public bool IsDeny => RuleAction == "deny";

    /// <summary>True for the default entry (rule 32767), which denies what no other entry matched and cannot be deleted.</summary>
    public bool IsDefaultRule => RuleNumber == NetworkAclFactBuilder.DefaultRuleNumber;

    /// <summary>True for protocol -1: every protocol, every port.</summary>
    public bool IsAllTraffic => Protocol == IpProtocol.All;

    /// <summary>True when <see cref="Cidr"/> is an IPv6 block.</summary>
    public bool IsIpv6 => Cidr.Contains(':', StringComparison.Ordinal);

    /// <summary>True when the entry matches every port: all traffic, or TCP/UDP 0-65535 (or 1-65535).</summary>
    public bool CoversAllPorts => IsAllTraffic || (IpProtocol.HasPorts(Protocol) && FromPort <= 1 && ToPort >= 65535);

    /// <summary>
    /// True when the entry matches the whole IANA dynamic port range (49152-65535), or all traffic:
    /// network ACLs are stateless, so such an inbound entry usually carries the return traffic of
    /// the subnet's own outbound connections, and deleting it would cut them off.
    /// </summary>
    public bool CoversEphemeralPorts => IsAllTraffic || (IpProtocol.HasPorts(Protocol) && FromPort <= 49152 && ToPort >= 65535);

    /// <summary>True when the entry matches TCP or UDP traffic to <paramref name="port"/>.</summary>
    public bool Includes(int port) => IsAllTraffic || (IpProtocol.HasPorts(Protocol) && FromPort <= port && port <= ToPort);

    /// <summary>True when the entry matches traffic to any of <paramref name="ports"/>.</summary>
    public bool IncludesAny(params int[] ports) => ports is not null && ports.Any(Includes);

    /// <summary>True when every address of <see cref="Cidr"/> lies inside <paramref name="network"/>.</summary>
    public bool IsWithin(string network) => CidrMath.IsWithin(Cidr, network);

    /// <summary>True when this entry lets TCP or UDP traffic to <paramref name="port"/> in from the internet, lower-numbered denies considered.</summary>
    public bool AllowsFromInternet(int port) => InternetOpenPorts.Any(r => r.Includes(port));

    /// <summary>True when this entry lets traffic to either port in from the internet, lower-numbered denies considered.</summary>
    public bool AllowsFromInternet(int port1, int port2) => AllowsFromInternet(port1) || AllowsFromInternet(port2);

    /// <summary>True when this entry lets traffic to any of the ports in from the internet, lower-numbered denies considered.</summary>
    public bool AllowsFromInternet(int port1, int port2, int port3) => AllowsFromInternet(port1) || AllowsFromInternet(port2) || AllowsFromInternet(port3);

    /// <summary>True when this entry lets traffic to any of <paramref name="ports"/> in from the internet, lower-numbered denies considered.</summary>
    public bool AllowsFromInternet(params int[] ports) => ports is not null && ports.Any(AllowsFromInternet);

    /// <summary>"#100 inbound allow tcp 22-22 from 0.0.0.0/0".</summary>
    public override string ToString()
    {
        var ports = IpProtocol.HasPorts(Protocol) ? $" {FromPort}-{ToPort}" : "";
        var protocol = IsAllTraffic ? "all traffic" : Protocol;
        return $"#{(IsDefaultRule ? "*" : RuleNumber.ToString(System.Globalization.CultureInfo.InvariantCulture))} {(Egress ? "outbound" : "inbound")} {RuleAction} {protocol}{ports} {(Egress ? "to" : "from")} {Cidr}";
    }
}
