using System.Net.Sockets;

namespace OpsBot.Rules.Facts;

/// <summary>
/// The addresses of one family that are reachable from the public internet, as sorted disjoint
/// ranges, and exact counts of how many of them a set of ranges admits.
/// </summary>
internal sealed class PublicAddressSpace
{
    /// <summary>IPv4 without the RFC 6890 special-purpose blocks.</summary>
    public static readonly PublicAddressSpace Ipv4 = new(AddressFamily.InterNetwork, 32,
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
        "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
        "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");

    /// <summary>IPv6 global unicast (2000::/3) without the documentation block.</summary>
    public static readonly PublicAddressSpace Ipv6 = new(AddressFamily.InterNetworkV6, 128,
        "::/3", "4000::/2", "8000::/1", "2001:db8::/32");

    private readonly AddressRange[] _public;

    private PublicAddressSpace(AddressFamily family, int bits, params string[] nonPublic)
    {
        var excluded = nonPublic.Select(Parse).OrderBy(r => r.First).ToArray();
        var last = bits == 128 ? UInt128.MaxValue : (UInt128.One << bits) - 1;
        var segments = new List<AddressRange>();
        var next = UInt128.Zero;
        var done = false;
        foreach (var block in excluded)
        {
            if (block.First > next)
            {
                segments.Add(new AddressRange(family, next, block.First - 1));
            }

            done = block.Last == last;
            next = done ? last : block.Last + 1;
        }

        if (!done)
        {
            segments.Add(new AddressRange(family, next, last));
        }

        _public = [.. segments];
        Size = segments.Aggregate(UInt128.Zero, (sum, s) => sum + (s.Last - s.First + 1));
    }

    /// <summary>How many public addresses the family has.</summary>
    public UInt128 Size { get; }

    /// <summary>The space of <paramref name="family"/>.</summary>
    public static PublicAddressSpace Of(AddressFamily family) => family == AddressFamily.InterNetwork ? Ipv4 : Ipv6;

    /// <summary>How many public addresses <paramref name="range"/> admits.</summary>
    public UInt128 Count(AddressRange range)
    {
        var count = UInt128.Zero;
        foreach (var segment in _public)
        {
            if (segment.First > range.Last)
            {
                break;
            }

            if (segment.Last >= range.First)
            {
                count += UInt128.Min(segment.Last, range.Last) - UInt128.Max(segment.First, range.First) + 1;
            }
        }

        return count;
    }

    /// <summary>How many public addresses the union of <paramref name="ranges"/> admits; sorts them in place.</summary>
    public UInt128 CountUnion(Span<AddressRange> ranges)
    {
        ranges.Sort(static (a, b) => a.First.CompareTo(b.First));
        var count = UInt128.Zero;
        var i = 0;
        while (i < ranges.Length)
        {
            var merged = ranges[i++];
            while (i < ranges.Length && (merged.Last == UInt128.MaxValue || ranges[i].First <= merged.Last + 1))
            {
                merged = merged with { Last = UInt128.Max(merged.Last, ranges[i++].Last) };
            }

            count += Count(merged);
        }

        return count;
    }

    /// <summary>
    /// The fewest public addresses that make up at least 1/<paramref name="divisor"/> of the space.
    /// </summary>
    /// <remarks>
    /// Comparing a count with this is the exact test <c>count * divisor &gt;= Size</c>; the product
    /// itself would overflow 128 bits for IPv6 (a /0 admits 2^125 public addresses).
    /// </remarks>
    public UInt128 AtLeastShare(uint divisor) => (Size + divisor - 1) / divisor;

    /// <summary>The share (0 to 1) of the space that <paramref name="count"/> public addresses make up.</summary>
    public double Share(UInt128 count) => (double)count / (double)Size;

    private static AddressRange Parse(string cidr) =>
        AddressRange.TryParse(cidr, out var range) ? range : throw new ArgumentException($"not a CIDR block: {cidr}", nameof(cidr));
}
