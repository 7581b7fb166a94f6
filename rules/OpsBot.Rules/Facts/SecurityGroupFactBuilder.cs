namespace OpsBot.Rules.Facts;

/// <summary>
/// Completes the facts of a group: computes, for each CIDR element, the share of the internet it
/// admits and whether the element is open to the internet, alone or together with the other
/// elements of the same direction and family whose traffic overlaps it (split ranges such as
/// 0.0.0.0/1 plus 128.0.0.0/1).
/// </summary>
public static class SecurityGroupFactBuilder
{
    /// <summary>
    /// An element is open to the internet when the public addresses it admits (alone or together)
    /// reach this share of its family's public address space: 1/256, the size of a public /8 in IPv4.
    /// </summary>
    public const double InternetShareThreshold = 1.0 / 256;

    /// <summary>Returns <paramref name="group"/> with exposure computed for every element.</summary>
    public static SecurityGroupFact Build(SecurityGroupFact group, IEnumerable<PermissionFact> elements)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(elements);
        var all = elements.ToList();
        return group with
        {
            Ingress = Expose(all.Where(e => e.Direction == TrafficDirection.Ingress).ToList()),
            Egress = Expose(all.Where(e => e.Direction == TrafficDirection.Egress).ToList()),
        };
    }

    private static List<PermissionFact> Expose(List<PermissionFact> elements)
    {
        var ranges = elements.Select(e => e.IsCidr && CidrMath.IsValid(e.Source) ? AddressRange.Of(e.Source) : (AddressRange?)null).ToArray();
        var shares = ranges.Select(r => r is { } range ? CidrMath.PublicShare([range]) : 0).ToArray();
        var result = new List<PermissionFact>(elements.Count);
        for (var i = 0; i < elements.Count; i++)
        {
            var open = shares[i] >= InternetShareThreshold || (shares[i] > 0 && OpenTogether(elements, ranges, shares, i));
            result.Add(elements[i] with { PublicAddressShare = shares[i], IsOpenToInternet = open });
        }

        return result;
    }

    // Only narrow sources (each below the threshold) are pooled: a source that is open on its own
    // is the whole problem, and pooling with it would also condemn the specific sources beside it.
    private static bool OpenTogether(List<PermissionFact> elements, AddressRange?[] ranges, double[] shares, int index)
    {
        var self = ranges[index]!.Value;
        var union = new List<AddressRange> { self };
        var upperBound = shares[index];
        for (var j = 0; j < elements.Count; j++)
        {
            if (j != index && ranges[j] is { } other && other.Family == self.Family && shares[j] > 0 &&
                shares[j] < InternetShareThreshold && TrafficOverlaps(elements[index], elements[j]))
            {
                union.Add(other);
                upperBound += shares[j];
            }
        }

        // The union admits at most the sum of its parts; skip the exact count when that is too small.
        return union.Count > 1 && upperBound >= InternetShareThreshold && CidrMath.PublicShare(union) >= InternetShareThreshold;
    }

    private static bool TrafficOverlaps(PermissionFact a, PermissionFact b)
    {
        if (a.IsAllTraffic || b.IsAllTraffic)
        {
            return true;
        }

        if (a.Protocol != b.Protocol)
        {
            return false;
        }

        return !IpProtocol.HasPorts(a.Protocol) || (a.FromPort <= b.ToPort && b.FromPort <= a.ToPort);
    }
}
