using System.Globalization;
using OpsBot.Functions.Configuration;

namespace OpsBot.Functions.Brakes;

/// <summary>
/// The organization-wide brakes (the per-policy fight limits are in the policy, <c>remediation.fight</c>):
/// the blast radius per member account and the global circuit breaker. Environment variables (see <see cref="Read"/>):
/// <list type="table">
/// <item><term><c>OPSBOT_ACCOUNT_ACTIONS</c></term><description>Automatic actions allowed per member account per 10 minutes (default 20).</description></item>
/// <item><term><c>OPSBOT_BREAKER_ACTIONS_PER_MINUTE</c></term><description>Automatic actions allowed across the organization per minute; the next one trips the circuit breaker (default 60).</description></item>
/// <item><term><c>OPSBOT_BREAKER_APPROVERS</c></term><description>Slack user ids (comma-separated) who may reset the breaker from Slack; unset, OpsBot's undo users may.</description></item>
/// </list>
/// </summary>
/// <param name="AccountActions">Automatic actions allowed per member account within <paramref name="AccountWindow"/>; beyond that violations are held and announced once per window.</param>
/// <param name="AccountWindow">The fixed window the account's actions are counted in.</param>
/// <param name="BreakerActions">Automatic actions allowed across the organization within <paramref name="BreakerWindow"/>; the next one trips the circuit breaker.</param>
/// <param name="BreakerWindow">The fixed window the organization's actions are counted in.</param>
public sealed record BrakeSettings(int AccountActions, TimeSpan AccountWindow, int BreakerActions, TimeSpan BreakerWindow)
{
    /// <summary>Variable holding <see cref="AccountActions"/>.</summary>
    public const string AccountActionsVariable = "OPSBOT_ACCOUNT_ACTIONS";

    /// <summary>Variable holding <see cref="BreakerActions"/>.</summary>
    public const string BreakerActionsVariable = "OPSBOT_BREAKER_ACTIONS_PER_MINUTE";

    /// <summary>Variable holding <see cref="BreakerApprovers"/>.</summary>
    public const string BreakerApproversVariable = "OPSBOT_BREAKER_APPROVERS";

    /// <summary>Slack user ids who may press Reset breaker; empty to leave it to OpsBot's undo users.</summary>
    public IReadOnlyList<string> BreakerApprovers { get; init; } = [];

    /// <summary>
    /// At most 20 automatic actions per member account per 10 minutes; the breaker trips on the 61st
    /// automatic action within one minute across the organization. 60 a minute is three times what the
    /// account limit lets one account do, so it takes a fault spread over several accounts (a policy bug,
    /// a bad deploy) to trip it, not one busy account, which the account limit already holds.
    /// </summary>
    public static BrakeSettings Default { get; } = new(20, TimeSpan.FromMinutes(10), 60, TimeSpan.FromMinutes(1));

    /// <summary>Reads the limits; unset variables keep their defaults (the windows are fixed).</summary>
    /// <exception cref="InvalidSettingException">A value is malformed; names it.</exception>
    public static BrakeSettings Read(IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Default with
        {
            AccountActions = Number(environment, AccountActionsVariable, Default.AccountActions),
            BreakerActions = Number(environment, BreakerActionsVariable, Default.BreakerActions),
            BreakerApprovers = UserIds(environment, BreakerApproversVariable),
        };
    }

    private static IReadOnlyList<string> UserIds(IEnvironmentVariables environment, string name)
    {
        var ids = (environment.Get(name) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return ids.FirstOrDefault(id => id.Length < 2 || (id[0] != 'U' && id[0] != 'W') || !id.All(char.IsAsciiLetterOrDigit)) is { } bad
            ? throw new InvalidSettingException(name, $"'{bad}' is not a Slack user id (U… or W…)")
            : ids.Length == 0 ? [] : ids;
    }

    private static int Number(IEnvironmentVariables environment, string name, int fallback) =>
        environment.Get(name) is not { } value || string.IsNullOrWhiteSpace(value) ? fallback
        : int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n
        : throw new InvalidSettingException(name, $"'{value.Trim()}' must be a whole number of at least 1");
}
