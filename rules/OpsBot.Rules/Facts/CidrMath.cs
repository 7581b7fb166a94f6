using System.Net;
using System.Net.Sockets;
using System.Numerics;

namespace OpsBot.Rules.Facts;

/// <summary>
/// Address-space arithmetic over CIDR blocks (parsed by IPNetwork2): how much of the public
/// internet a set of blocks admits, and containment.
/// </summary>
public static class CidrMath
{
    // Address space that is not reachable from the public internet: RFC 6890 special-purpose
    // blocks for IPv4; for IPv6 everything outside global unicast 2000::/3, plus documentation.
    private static readonly AddressRange[] NonPublicV4 = Ranges(
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
        "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
        "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");

    private static readonly AddressRange[] NonPublicV6 = Ranges(
        "::/3", "4000::/2", "8000::/1", "2001:db8::/32");

    private static readonly BigInteger PublicV4 = PublicSize(AddressFamily.InterNetwork);
    private static readonly BigInteger PublicV6 = PublicSize(AddressFamily.InterNetworkV6);

    /// <summary>True when <paramref name="cidr"/> parses as an IPv4 or IPv6 CIDR block.</summary>
    public static bool IsValid(string cidr) => IPNetwork2.TryParse(cidr, out _);

    /// <summary>True when every address of <paramref name="cidr"/> lies inside <paramref name="network"/>.</summary>
    public static bool IsWithin(string cidr, string network) =>
        IPNetwork2.TryParse(cidr, out var inner) && IPNetwork2.TryParse(network, out var outer) &&
        inner.AddressFamily == outer.AddressFamily && outer.Contains(inner);

    /// <summary>Share (0 to 1) of its family's public address space that <paramref name="cidr"/> admits.</summary>
    public static double PublicShare(string cidr) => PublicShare([AddressRange.Of(cidr)]);

    internal static double PublicShare(IReadOnlyList<AddressRange> ranges)
    {
        if (ranges.Count == 0)
        {
            return 0;
        }

        var family = ranges[0].Family;
        var nonPublic = family == AddressFamily.InterNetwork ? NonPublicV4 : NonPublicV6;
        var total = family == AddressFamily.InterNetwork ? PublicV4 : PublicV6;
        var admitted = BigInteger.Zero;
        foreach (var range in Merge(ranges))
        {
            admitted += range.Size;
            foreach (var excluded in nonPublic)
            {
                admitted -= range.OverlapSize(excluded);
            }
        }

        return (double)(admitted * 1_000_000 / total) / 1_000_000;
    }

    private static List<AddressRange> Merge(IReadOnlyList<AddressRange> ranges)
    {
        var sorted = ranges.OrderBy(r => r.First).ToList();
        var merged = new List<AddressRange>(sorted.Count);
        foreach (var range in sorted)
        {
            if (merged.Count > 0 && range.First <= merged[^1].Last + 1)
            {
                var last = merged[^1];
                merged[^1] = last with { Last = BigInteger.Max(last.Last, range.Last) };
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }

    private static BigInteger PublicSize(AddressFamily family)
    {
        var bits = family == AddressFamily.InterNetwork ? 32 : 128;
        var size = BigInteger.One << bits;
        foreach (var excluded in family == AddressFamily.InterNetwork ? NonPublicV4 : NonPublicV6)
        {
            size -= excluded.Size;
        }

        return size;
    }

    private static AddressRange[] Ranges(params string[] cidrs) => [.. cidrs.Select(AddressRange.Of)];
}
