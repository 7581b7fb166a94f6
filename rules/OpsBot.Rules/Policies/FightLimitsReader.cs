using System.Globalization;
using System.Text.RegularExpressions;
using OpsBot.Rules.Yaml;

namespace OpsBot.Rules.Policies;

/// <summary>
/// Reads a remediation's optional <c>fight</c> block (<c>max</c>, <c>within</c>, <c>stackOwned</c>)
/// into <see cref="FightLimits"/>; keys left out keep their defaults. Problems are reported on the mapping.
/// </summary>
internal static partial class FightLimitsReader
{
    private static readonly string[] Keys = ["max", "within", "stackOwned"];

    /// <summary>The limits of <paramref name="remediation"/>; null when the block has errors (they are reported).</summary>
    public static FightLimits? Read(YamlMapping remediation, IReadOnlyList<string>? approvers)
    {
        var fight = remediation.Mapping("fight", required: false, "remediation.fight");
        if (fight is null)
        {
            return remediation.Get("fight") is null ? FightLimits.Default : null;
        }

        fight.RejectUnknownKeys(Keys);
        var max = ReadMax(fight);
        var within = ReadWithin(fight);
        var stackOwned = ReadStackOwned(fight, approvers);
        return max is null || within is null || stackOwned is null
            ? null
            : new FightLimits(max.Value, within.Value, stackOwned.Value.Mode);
    }

    private static int? ReadMax(YamlMapping fight)
    {
        if (fight.String("max", required: false) is not { } value)
        {
            return fight.Get("max") is null ? FightLimits.Default.Max : null;
        }

        if (!int.TryParse(value.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var max) || max < 1 || max > FightLimits.LargestMax)
        {
            fight.Error(value.Node, $"'max: {value.Value}' must be a whole number of automatic remediations from 1 to {FightLimits.LargestMax}");
            return null;
        }

        return max;
    }

    private static TimeSpan? ReadWithin(YamlMapping fight)
    {
        if (fight.String("within", required: false) is not { } value)
        {
            return fight.Get("within") is null ? FightLimits.Default.Within : null;
        }

        var match = DurationPattern().Match(value.Value);
        var within = !match.Success ? (TimeSpan?)null : match.Groups[2].Value switch
        {
            "m" => TimeSpan.FromMinutes(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)),
            "h" => TimeSpan.FromHours(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)),
            _ => TimeSpan.FromDays(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)),
        };
        if (within is null || within < TimeSpan.FromMinutes(5) || within > TimeSpan.FromDays(7))
        {
            fight.Error(value.Node, $"'within: {value.Value}' must be a duration from 5m to 7d, such as 30m, 1h or 1d");
            return null;
        }

        return within;
    }

    // The outer null means an error; the inner one "treat a stack's resource as any other".
    private static (RemediationMode? Mode, bool Ok)? ReadStackOwned(YamlMapping fight, IReadOnlyList<string>? approvers)
    {
        if (fight.String("stackOwned", required: false) is not { } value)
        {
            return fight.Get("stackOwned") is null ? (null, true) : null;
        }

        if (value.Value is not ("approve" or "notify" or "enforce"))
        {
            fight.Error(value.Node, $"'stackOwned: {value.Value}' must be approve (ask a human before changing a stack's resource), notify, or enforce (treat it as any other)");
            return null;
        }

        RemediationMode? stackOwned = value.Value switch
        {
            "approve" => RemediationMode.Approve,
            "notify" => RemediationMode.Notify,
            _ => null,
        };
        if (stackOwned == RemediationMode.Approve && approvers is not { Count: > 0 })
        {
            fight.Error(value.Node, "'stackOwned: approve' needs the remediation's 'approvers': the Slack user ids (U…) or user-group ids (S…) who may approve");
            return null;
        }

        return (stackOwned, true);
    }

    [GeneratedRegex("^([0-9]{1,4})([mhd])$")]
    private static partial Regex DurationPattern();
}
