using System.Globalization;
using System.Text.RegularExpressions;
using OpsBot.Rules.Yaml;

namespace OpsBot.Rules.Policies;

/// <summary>
/// Reads <c>remediation.suppressFor</c> (how long an Undo keeps the restored elements from being
/// revoked again, 1h to 7d, default 24h) and <c>remediation.exemptMax</c> (the longest exemption an
/// approver may grant from Slack, 1d to 90d, default 30d); problems are reported at the value.
/// </summary>
internal static partial class HoldDurationsReader
{
    /// <summary>The suppression after an Undo when the policy sets none.</summary>
    public static readonly TimeSpan DefaultSuppressFor = TimeSpan.FromHours(24);

    /// <summary>The longest exemption from Slack when the policy sets none.</summary>
    public static readonly TimeSpan DefaultExemptMax = TimeSpan.FromDays(30);

    /// <summary><c>suppressFor</c>, or null after reporting an error.</summary>
    public static TimeSpan? SuppressFor(YamlMapping remediation) =>
        Read(remediation, "suppressFor", DefaultSuppressFor, TimeSpan.FromHours(1), TimeSpan.FromDays(7), "1h to 7d, such as 12h, 24h or 3d");

    /// <summary><c>exemptMax</c>, or null after reporting an error.</summary>
    public static TimeSpan? ExemptMax(YamlMapping remediation) =>
        Read(remediation, "exemptMax", DefaultExemptMax, TimeSpan.FromDays(1), TimeSpan.FromDays(90), "1d to 90d, such as 7d or 30d");

    private static TimeSpan? Read(YamlMapping map, string key, TimeSpan fallback, TimeSpan least, TimeSpan most, string range)
    {
        if (map.String(key, required: false) is not { } v)
        {
            return fallback;
        }

        var match = DurationPattern().Match(v.Value);
        var value = !match.Success ? (TimeSpan?)null : match.Groups[2].Value switch
        {
            "m" => TimeSpan.FromMinutes(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)),
            "h" => TimeSpan.FromHours(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)),
            _ => TimeSpan.FromDays(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)),
        };
        if (value is null || value < least || value > most)
        {
            map.Error(v.Node, $"'{key}: {v.Value}' must be a duration from {range}");
            return null;
        }

        return value;
    }

    [GeneratedRegex("^([0-9]{1,4})([mhd])$")]
    private static partial Regex DurationPattern();
}
