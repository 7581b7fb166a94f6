using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Resources.NetworkAcl;

/// <summary>
/// Completes the facts of a network ACL: sorts each direction's entries by rule number and computes,
/// for every allow entry, what it really lets in from the internet. EC2 checks entries lowest rule
/// number first and the first match decides, so the public addresses an allow entry admits for a
/// port are those of its CIDR less the ones a lower-numbered deny entry of the same direction,
/// family and protocol matches for that port. The test is exact: integer port ranges split at the
/// denies' bounds, and address counts over the public address space.
/// </summary>
public static class NetworkAclFactBuilder
{
    /// <summary>The rule number of the default entry that denies what no other entry matched.</summary>
    public const int DefaultRuleNumber = 32767;

    /// <summary>An entry is open to the internet when what it admits reaches this share of its family's public space: 1/256, as for security groups.</summary>
    public const double InternetShareThreshold = 1.0 / InternetShareDivisor;

    private const uint InternetShareDivisor = 256;

    private const int MaxPort = 65535;

    /// <summary>Returns <paramref name="acl"/> with <paramref name="entries"/> split by direction, ordered, and their effect computed.</summary>
    public static NetworkAclFact Build(NetworkAclFact acl, IEnumerable<NetworkAclEntryFact> entries)
    {
        ArgumentNullException.ThrowIfNull(acl);
        ArgumentNullException.ThrowIfNull(entries);
        var all = entries.ToList();
        return acl with
        {
            Ingress = Complete(all.Where(e => !e.Egress)),
            Egress = Complete(all.Where(e => e.Egress)),
        };
    }

    private static List<NetworkAclEntryFact> Complete(IEnumerable<NetworkAclEntryFact> direction)
    {
        var ordered = direction.OrderBy(e => e.RuleNumber).ToList();
        var parsed = ordered.Select(e => AddressRange.TryParse(e.Cidr, out var range) ? range : (AddressRange?)null).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i] = Complete(ordered[i], parsed[i], [.. ordered.Take(i).Zip(parsed.Take(i)).Where(d => d.First.IsDeny && d.Second is not null).Select(d => (d.First, d.Second!.Value))]);
        }

        return ordered;
    }

    private static NetworkAclEntryFact Complete(NetworkAclEntryFact entry, AddressRange? range, List<(NetworkAclEntryFact Entry, AddressRange Range)> denies)
    {
        if (range is not { } own)
        {
            return entry;
        }

        var space = PublicAddressSpace.Of(own.Family);
        var open = space.AtLeastShare(InternetShareDivisor);
        var alone = space.Count(own);
        var facts = entry with { PublicAddressShare = space.Share(alone), IsOpenToInternet = alone >= open };
        if (!entry.IsAllow || alone < open)
        {
            return facts;
        }

        var before = denies.Where(d => d.Range.Family == own.Family).ToList();
        var ports = new List<NetworkAclPortRange>();
        foreach (var protocol in PortProtocols(entry))
        {
            ports.AddRange(OpenPorts(own, space, open, protocol, entry.IsAllTraffic ? 0 : entry.FromPort, entry.IsAllTraffic ? MaxPort : entry.ToPort, before));
        }

        var effective = IpProtocol.HasPorts(entry.Protocol)
            ? ports.Count > 0
            : Remaining(own, space, before.Where(d => Covers(d.Entry, entry)).Select(d => d.Range)) >= open;
        return facts with { InternetOpenPorts = ports, IsEffectiveAllowFromInternet = effective };
    }

    private static IEnumerable<string> PortProtocols(NetworkAclEntryFact entry) =>
        entry.IsAllTraffic ? [IpProtocol.Tcp, IpProtocol.Udp] : IpProtocol.HasPorts(entry.Protocol) ? [entry.Protocol] : [];

    // A deny turns away all of a non-port allow's traffic when it matches every protocol, or the
    // same protocol; an ICMP deny only when it matches every ICMP type.
    private static bool Covers(NetworkAclEntryFact deny, NetworkAclEntryFact allow) =>
        deny.IsAllTraffic || (!allow.IsAllTraffic && deny.Protocol == allow.Protocol && (deny.Protocol is not (IpProtocol.Icmp or IpProtocol.Icmpv6) || deny.IcmpType == -1));

    // The port ranges of [from, to] for which the allow still admits an open share after the
    // denies that match those ports; the denies' bounds split the range into pieces that each
    // deny either covers whole or misses.
    private static List<NetworkAclPortRange> OpenPorts(AddressRange own, PublicAddressSpace space, UInt128 open, string protocol, int from, int to, List<(NetworkAclEntryFact Entry, AddressRange Range)> denies)
    {
        var relevant = denies
            .Where(d => d.Entry.IsAllTraffic || d.Entry.Protocol == protocol)
            .Select(d => (From: d.Entry.IsAllTraffic ? 0 : d.Entry.FromPort, To: d.Entry.IsAllTraffic ? MaxPort : d.Entry.ToPort, d.Range))
            .ToList();
        var bounds = new SortedSet<int> { from, to + 1 };
        foreach (var deny in relevant)
        {
            if (deny.From > from && deny.From <= to)
            {
                bounds.Add(deny.From);
            }

            if (deny.To + 1 > from && deny.To + 1 <= to)
            {
                bounds.Add(deny.To + 1);
            }
        }

        var result = new List<NetworkAclPortRange>();
        var points = bounds.ToList();
        for (var i = 0; i + 1 < points.Count; i++)
        {
            var (first, last) = (points[i], points[i + 1] - 1);
            var covering = relevant.Where(d => d.From <= first && last <= d.To).Select(d => d.Range);
            if (Remaining(own, space, covering) < open)
            {
                continue;
            }

            if (result.Count > 0 && result[^1].To + 1 == first)
            {
                result[^1] = result[^1] with { To = last };
            }
            else
            {
                result.Add(new NetworkAclPortRange(protocol, first, last));
            }
        }

        return result;
    }

    // The public addresses of own that none of the deny ranges matches.
    private static UInt128 Remaining(AddressRange own, PublicAddressSpace space, IEnumerable<AddressRange> denies)
    {
        var overlaps = denies
            .Where(own.Overlaps)
            .Select(d => own with { First = UInt128.Max(own.First, d.First), Last = UInt128.Min(own.Last, d.Last) })
            .ToArray();
        return space.Count(own) - space.CountUnion(overlaps);
    }
}
