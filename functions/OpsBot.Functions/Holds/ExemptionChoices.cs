using System.Globalization;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Holds;

/// <summary>The durations the Exempt modal offers for a policy: 1 d, 7 d, 30 d and 90 d, up to its <c>exemptMax</c> (which is offered too).</summary>
public static class ExemptionChoices
{
    private static readonly int[] Days = [1, 7, 30, 90];

    /// <summary>The choices for <paramref name="policy"/>, shortest first, as option values (<c>7d</c>) and durations.</summary>
    public static IReadOnlyList<(string Value, TimeSpan Duration)> For(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var max = policy.Remediation.ExemptMax;
        var days = Days.Where(d => TimeSpan.FromDays(d) <= max).Select(d => (double)d).ToList();
        if (!days.Contains(max.TotalDays))
        {
            days.Add(max.TotalDays);
        }

        return [.. days.Select(d => (Value(TimeSpan.FromDays(d)), TimeSpan.FromDays(d)))];
    }

    /// <summary>The option value of <paramref name="duration"/> (<c>7d</c>).</summary>
    public static string Value(TimeSpan duration) => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalDays:0}d");

    /// <summary>The label of <paramref name="duration"/> (<c>7 days</c>).</summary>
    public static string Label(TimeSpan duration) => duration.TotalDays == 1 ? "1 day" : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalDays:0} days");
}
