namespace OpsBot.Rules.Facts;

/// <summary>
/// EC2 protocol names as they appear in security-group rules. EC2 accepts names or IANA numbers
/// ("6", "17", "58") and reports all traffic as "-1"; facts always carry the normalised name.
/// </summary>
public static class IpProtocol
{
    /// <summary>All protocols, all ports.</summary>
    public const string All = "-1";

    /// <summary>TCP.</summary>
    public const string Tcp = "tcp";

    /// <summary>UDP.</summary>
    public const string Udp = "udp";

    /// <summary>ICMP (ports carry ICMP type and code).</summary>
    public const string Icmp = "icmp";

    /// <summary>ICMPv6 (ports carry ICMP type and code).</summary>
    public const string Icmpv6 = "icmpv6";

    /// <summary>Returns the canonical lower-case name for a protocol given as a name or a number.</summary>
    public static string Normalize(string? protocol)
    {
        var value = (protocol ?? All).Trim().ToLowerInvariant();
        return value switch
        {
            "" or "all" or "-1" => All,
            "6" => Tcp,
            "17" => Udp,
            "1" => Icmp,
            "58" => Icmpv6,
            _ => value,
        };
    }

    /// <summary>True for protocols whose rules carry real port ranges.</summary>
    public static bool HasPorts(string protocol) => protocol is Tcp or Udp;
}
