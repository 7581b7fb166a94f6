namespace OpsBot.Rules.Facts;

/// <summary>
/// One element of a security group's permissions: a single (protocol, port range, peer) triple,
/// the unit that a policy matches and a remediation revokes. Built from live EC2 state.
/// </summary>
public sealed record PermissionFact
{
    /// <summary>Ingress or egress.</summary>
    public required TrafficDirection Direction { get; init; }

    /// <summary>Normalised protocol (see <see cref="IpProtocol"/>): "tcp", "udp", "icmp", "icmpv6", "-1" or a number.</summary>
    public required string Protocol { get; init; }

    /// <summary>First port of the range; -1 when the protocol has no ports (all traffic).</summary>
    public required int FromPort { get; init; }

    /// <summary>Last port of the range; -1 when the protocol has no ports (all traffic).</summary>
    public required int ToPort { get; init; }

    /// <summary>What kind of peer <see cref="Source"/> names.</summary>
    public required SourceKind SourceKind { get; init; }

    /// <summary>The peer: a CIDR block, a prefix-list id or a security-group id.</summary>
    public required string Source { get; init; }

    /// <summary>The EC2 security-group rule id (<c>sgr-…</c>) when known.</summary>
    public string? RuleId { get; init; }

    /// <summary>The rule's description, or an empty string.</summary>
    public string Description { get; init; } = "";

    /// <summary>
    /// True when the peer admits a large part of the public internet, alone or together with the
    /// group's other peers for overlapping traffic (set by <see cref="SecurityGroupFactBuilder"/>).
    /// </summary>
    public bool IsOpenToInternet { get; init; }

    /// <summary>Share (0 to 1) of the public address space of its family that this peer admits on its own.</summary>
    public double PublicAddressShare { get; init; }

    /// <summary>True for protocol -1: every protocol and every port.</summary>
    public bool IsAllTraffic => Protocol == IpProtocol.All;

    /// <summary>True when the peer is an IPv6 range.</summary>
    public bool IsIpv6 => SourceKind == SourceKind.Ipv6Cidr;

    /// <summary>True when the peer is an IPv4 or IPv6 range.</summary>
    public bool IsCidr => SourceKind is SourceKind.Ipv4Cidr or SourceKind.Ipv6Cidr;

    /// <summary>True when the element admits every port of every protocol, or every TCP or UDP port (1-65535 or 0-65535).</summary>
    public bool CoversAllPorts => IsAllTraffic || (IpProtocol.HasPorts(Protocol) && FromPort <= 1 && ToPort >= 65535);

    /// <summary>True when traffic to <paramref name="port"/> (TCP or UDP) is admitted.</summary>
    public bool Includes(int port) => IsAllTraffic || (IpProtocol.HasPorts(Protocol) && FromPort <= port && port <= ToPort);

    /// <summary>True when traffic to any port in [<paramref name="from"/>, <paramref name="to"/>] is admitted.</summary>
    public bool OverlapsRange(int from, int to) =>
        IsAllTraffic || (IpProtocol.HasPorts(Protocol) && FromPort <= to && from <= ToPort);

    /// <summary>True when traffic to any of the given ports is admitted.</summary>
    public bool OverlapsAny(int port) => Includes(port);

    /// <summary>True when traffic to any of the given ports is admitted.</summary>
    public bool OverlapsAny(int port1, int port2) => Includes(port1) || Includes(port2);

    /// <summary>True when traffic to any of the given ports is admitted.</summary>
    public bool OverlapsAny(int port1, int port2, int port3) => Includes(port1) || Includes(port2) || Includes(port3);

    /// <summary>True when traffic to any of the given ports is admitted.</summary>
    public bool OverlapsAny(params int[] ports)
    {
        ArgumentNullException.ThrowIfNull(ports);
        foreach (var port in ports)
        {
            if (Includes(port))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the peer is a CIDR range lying entirely inside <paramref name="network"/>.</summary>
    public bool IsWithin(string network) => IsCidr && CidrMath.IsWithin(Source, network);

    /// <summary>A short human form, e.g. "ingress tcp 22 from 0.0.0.0/0".</summary>
    public override string ToString()
    {
        var direction = Direction == TrafficDirection.Ingress ? "ingress" : "egress";
        var peer = Direction == TrafficDirection.Ingress ? "from" : "to";
        return $"{direction} {Protocol} {PortText()} {peer} {Source}" + (RuleId is null ? "" : $" ({RuleId})");
    }

    private string PortText() => IsAllTraffic ? "all ports"
        : !IpProtocol.HasPorts(Protocol) ? $"type {FromPort} code {ToPort}"
        : FromPort == ToPort ? FromPort.ToString() : $"{FromPort}-{ToPort}";
}
