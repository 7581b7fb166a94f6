namespace OpsBot.Rules.Facts;

/// <summary>
/// Address-space arithmetic over CIDR blocks: how much of the public internet a block admits, and
/// containment. Counts are exact integers; only the share handed to policies is a double.
/// </summary>
public static class CidrMath
{
    /// <summary>True when <paramref name="cidr"/> parses as an IPv4 or IPv6 CIDR block.</summary>
    public static bool IsValid(string cidr) => AddressRange.TryParse(cidr, out _);

    /// <summary>True when every address of <paramref name="cidr"/> lies inside <paramref name="network"/> (same family).</summary>
    public static bool IsWithin(string cidr, string network) =>
        AddressRange.TryParse(cidr, out var inner) && AddressRange.TryParse(network, out var outer) && outer.Contains(inner);

    /// <summary>Share (0 to 1) of its family's public address space that <paramref name="cidr"/> admits.</summary>
    /// <exception cref="ArgumentException"><paramref name="cidr"/> is not a CIDR block.</exception>
    public static double PublicShare(string cidr)
    {
        if (!AddressRange.TryParse(cidr, out var range))
        {
            throw new ArgumentException($"not a CIDR block: {cidr}", nameof(cidr));
        }

        var space = PublicAddressSpace.Of(range.Family);
        return space.Share(space.Count(range));
    }
}
