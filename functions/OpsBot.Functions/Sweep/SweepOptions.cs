using System.Globalization;
using OpsBot.Functions.Configuration;

namespace OpsBot.Functions.Sweep;

/// <summary>
/// Where the sweeper looks and how hard it pushes. Environment variables (see <see cref="Read"/>):
/// <list type="table">
/// <item><term><c>OPSBOT_SWEEP_ORGANIZATION</c></term><description><c>true</c> (default) sweeps every active account of the organization (<c>organizations:ListAccounts</c>) besides the listed ones; <c>false</c> only the listed ones.</description></item>
/// <item><term><c>OPSBOT_SWEEP_ACTION_INTERVAL_MS</c></term><description>Least time between two remediations in one account and region (default 1000).</description></item>
/// <item><term><c>OPSBOT_SWEEP_MAX_GROUPS</c></term><description>Most groups one run hands to the pipeline (default 10000).</description></item>
/// <item><term><c>OPSBOT_SWEEP_TIME_BUDGET_SECONDS</c></term><description>How long one run may sweep before it stops, to end inside the Lambda timeout (default 780, for a 900 s function).</description></item>
/// </list>
/// </summary>
public sealed record SweepOptions
{
    /// <summary>Variable holding <see cref="UseOrganization"/>.</summary>
    public const string OrganizationVariable = "OPSBOT_SWEEP_ORGANIZATION";

    /// <summary>Variable holding <see cref="ActionInterval"/>, in milliseconds.</summary>
    public const string ActionIntervalVariable = "OPSBOT_SWEEP_ACTION_INTERVAL_MS";

    /// <summary>Variable holding <see cref="MaxGroups"/>.</summary>
    public const string MaxGroupsVariable = "OPSBOT_SWEEP_MAX_GROUPS";

    /// <summary>Variable holding <see cref="TimeBudget"/>, in seconds.</summary>
    public const string TimeBudgetVariable = "OPSBOT_SWEEP_TIME_BUDGET_SECONDS";

    /// <summary>The defaults described on the type.</summary>
    public static SweepOptions Default { get; } = new();

    /// <summary>Sweep the organization's active accounts (the central one only when listed), falling back to the listed accounts when Organizations cannot be read.</summary>
    public bool UseOrganization { get; init; } = true;

    /// <summary>
    /// Least time between two remediations in one account and region (default 1 s), so a sweep that
    /// finds many violations spreads its EC2 writes out, as AWS Security Hub's automated response does.
    /// </summary>
    public TimeSpan ActionInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Most groups one run hands to the pipeline (default 10000); the rest wait for the next run.</summary>
    public int MaxGroups { get; init; } = 10_000;

    /// <summary>How long one run sweeps before it stops and reports what it left (default 13 min).</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromMinutes(13);

    /// <summary>Reads the options; unset variables keep their defaults.</summary>
    /// <exception cref="InvalidSettingException">A value is malformed; names it.</exception>
    public static SweepOptions Read(IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var options = new SweepOptions
        {
            UseOrganization = Value(environment, OrganizationVariable)?.ToLowerInvariant() switch
            {
                null or "true" or "1" or "yes" => true,
                "false" or "0" or "no" => false,
                var other => throw new InvalidSettingException(OrganizationVariable, $"'{other}' must be true or false"),
            },
            ActionInterval = TimeSpan.FromMilliseconds(Number(environment, ActionIntervalVariable, 1000, 0)),
            MaxGroups = Number(environment, MaxGroupsVariable, 10_000, 1),
            TimeBudget = TimeSpan.FromSeconds(Number(environment, TimeBudgetVariable, 780, 1)),
        };
        return options;
    }

    private static string? Value(IEnvironmentVariables environment, string name) =>
        environment.Get(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static int Number(IEnvironmentVariables environment, string name, int fallback, int least) =>
        Value(environment, name) switch
        {
            null => fallback,
            var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= least => n,
            var text => throw new InvalidSettingException(name, $"'{text}' must be a whole number of at least {least}"),
        };
}
