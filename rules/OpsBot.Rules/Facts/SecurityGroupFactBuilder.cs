using System.Net.Sockets;

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
    /// The test is made exactly, on address counts; this double is for policies that set their own bar.
    /// </summary>
    public const double InternetShareThreshold = 1.0 / InternetShareDivisor;

    private const uint InternetShareDivisor = 256;

    private const int StackLimit = 32;

    private static readonly UInt128 OpenIpv4 = PublicAddressSpace.Ipv4.AtLeastShare(InternetShareDivisor);
    private static readonly UInt128 OpenIpv6 = PublicAddressSpace.Ipv6.AtLeastShare(InternetShareDivisor);

    /// <summary>Returns <paramref name="group"/> with exposure computed for every element.</summary>
    public static SecurityGroupFact Build(SecurityGroupFact group, IEnumerable<PermissionFact> elements)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(elements);
        var ingress = new List<PermissionFact>(elements.TryGetNonEnumeratedCount(out var count) ? count : 0);
        var egress = new List<PermissionFact>();
        if (elements is IReadOnlyList<PermissionFact> list)
        {
            // Indexing spares the boxed enumerator that foreach over the interface would allocate per group.
            for (var i = 0; i < list.Count; i++)
            {
                (list[i].Direction == TrafficDirection.Ingress ? ingress : egress).Add(list[i]);
            }
        }
        else
        {
            foreach (var element in elements)
            {
                (element.Direction == TrafficDirection.Ingress ? ingress : egress).Add(element);
            }
        }

        return Build(group, ingress, egress);
    }

    /// <summary>
    /// Returns <paramref name="group"/> with <paramref name="ingress"/> and <paramref name="egress"/>,
    /// each already of one direction, as its elements, their exposure computed in place: the lists
    /// become the fact's, so a reader that built them for this group alone need not copy them.
    /// </summary>
    internal static SecurityGroupFact Build(SecurityGroupFact group, List<PermissionFact> ingress, List<PermissionFact> egress)
    {
        Expose(ingress);
        Expose(egress);
        return group with { Ingress = ingress, Egress = egress };
    }

    // Replaces each element of one direction with its exposure filled in.
    private static void Expose(List<PermissionFact> elements)
    {
        var count = elements.Count;
        if (count == 0)
        {
            return;
        }

        // Groups are small; keep their working set off the heap unless one is unusually large.
        Span<AddressRange> ranges = count <= StackLimit ? stackalloc AddressRange[count] : new AddressRange[count];
        Span<UInt128> publicCounts = count <= StackLimit ? stackalloc UInt128[count] : new UInt128[count];
        Span<int> narrow = count <= StackLimit ? stackalloc int[count] : new int[count];
        var narrowCount = 0;
        for (var i = 0; i < count; i++)
        {
            if (elements[i].IsCidr && AddressRange.TryParse(elements[i].Source, out ranges[i]))
            {
                publicCounts[i] = PublicAddressSpace.Of(ranges[i].Family).Count(ranges[i]);
                if (publicCounts[i] > 0 && publicCounts[i] < OpenCount(ranges[i]))
                {
                    narrow[narrowCount++] = i;
                }
            }
        }

        narrow = narrow[..narrowCount];
        Span<AddressRange> pool = narrowCount <= StackLimit ? stackalloc AddressRange[narrowCount] : new AddressRange[narrowCount];
        for (var i = 0; i < count; i++)
        {
            var element = elements[i];
            var share = publicCounts[i] == 0 ? 0 : PublicAddressSpace.Of(ranges[i].Family).Share(publicCounts[i]);
            var openAlone = publicCounts[i] >= OpenCount(ranges[i]);
            var open = openAlone || (publicCounts[i] > 0 && narrowCount > 1 && OpenTogether(elements, ranges, publicCounts, narrow, i, pool));
            if (element.PublicAddressShare != share || element.IsOpenToInternet != open)
            {
                elements[i] = element with { PublicAddressShare = share, IsOpenToInternet = open };
            }
        }
    }

    // Only narrow sources (public, each below the threshold) are pooled: a source that is open on
    // its own is the whole problem, and pooling with it would also condemn the specific sources
    // beside it.
    private static bool OpenTogether(
        List<PermissionFact> elements, ReadOnlySpan<AddressRange> ranges, ReadOnlySpan<UInt128> publicCounts,
        ReadOnlySpan<int> narrow, int index, Span<AddressRange> pool)
    {
        var self = ranges[index];
        var needed = OpenCount(self);
        var pooled = 0;
        var upperBound = UInt128.Zero;
        foreach (var j in narrow)
        {
            if (j == index || (ranges[j].Family == self.Family && TrafficOverlaps(elements[index], elements[j])))
            {
                pool[pooled++] = ranges[j];

                // Each narrow count is below the bar, so stopping at it keeps the sum far from overflow.
                if (upperBound < needed)
                {
                    upperBound += publicCounts[j];
                }
            }
        }

        // The union admits at most the sum of its parts; skip the exact count when that is too small.
        return pooled > 1 && upperBound >= needed &&
            PublicAddressSpace.Of(self.Family).CountUnion(pool[..pooled]) >= needed;
    }

    private static UInt128 OpenCount(AddressRange range) =>
        range.Family == AddressFamily.InterNetwork ? OpenIpv4 : OpenIpv6;

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
