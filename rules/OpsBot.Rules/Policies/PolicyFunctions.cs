using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Policies;

/// <summary>
/// Static helpers available in policy expressions as <c>PolicyFunctions.Name(...)</c>. Together with
/// the fact records these are the whole surface an expression can reach.
/// </summary>
public static class PolicyFunctions
{
    /// <summary>True when <paramref name="cidr"/> lies inside <paramref name="network"/> (both CIDR blocks).</summary>
    public static bool CidrWithin(string cidr, string network) => CidrMath.IsWithin(cidr, network);

    /// <summary>
    /// True while <paramref name="date"/> (<c>YYYY-MM-DD</c>, e.g. an <c>opsbot:exempt-until</c> tag)
    /// is today or later in UTC; false once it has passed, and for an empty or malformed date, so an
    /// exemption expires on its own and a mistyped one exempts nothing.
    /// </summary>
    public static bool NotExpired(string date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var until)
        && DateOnly.FromDateTime(DateTime.UtcNow) <= until;

    /// <summary>Share (0 to 1) of the public address space that <paramref name="cidr"/> admits.</summary>
    public static double PublicShare(string cidr) => CidrMath.IsValid(cidr) ? CidrMath.PublicShare(cidr) : 0;
}
