using System.Text.RegularExpressions;

namespace OpsBot.Rules.Events;

/// <summary>The shapes of the account ids and region names an event may name.</summary>
internal static partial class AwsIdentifiers
{
    /// <summary>True for a 12-digit account id.</summary>
    public static bool IsAccountId(string value) => AccountId().IsMatch(value);

    /// <summary>
    /// True for a region name in any partition: <c>eu-west-1</c>, <c>us-gov-west-1</c>,
    /// <c>cn-north-1</c>, <c>ap-southeast-4</c>.
    /// </summary>
    public static bool IsRegion(string value) => Region().IsMatch(value);

    // [0-9], not \d, which also matches non-ASCII digits; \z, not $, which also matches before a final newline.
    [GeneratedRegex(@"^[0-9]{12}\z", RegexOptions.CultureInvariant)]
    private static partial Regex AccountId();

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-[0-9]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex Region();
}
