namespace OpsBot.Functions.Brakes;

/// <summary>
/// The organization-wide brakes (the per-policy fight limits are in the policy, <c>remediation.fight</c>):
/// the blast radius per member account and the global circuit breaker.
/// </summary>
/// <param name="AccountActions">Automatic actions allowed per member account within <paramref name="AccountWindow"/>; beyond that violations are held and announced once per window.</param>
/// <param name="AccountWindow">The fixed window the account's actions are counted in.</param>
/// <param name="BreakerActions">Automatic actions allowed across the organization within <paramref name="BreakerWindow"/>; the next one trips the circuit breaker.</param>
/// <param name="BreakerWindow">The fixed window the organization's actions are counted in.</param>
public sealed record BrakeSettings(int AccountActions, TimeSpan AccountWindow, int BreakerActions, TimeSpan BreakerWindow)
{
    /// <summary>
    /// At most 20 automatic actions per member account per 10 minutes; the breaker trips on the 61st
    /// automatic action within one minute across the organization. 60 a minute is three times what the
    /// account limit lets one account do, so it takes a fault spread over several accounts (a policy bug,
    /// a bad deploy) to trip it, not one busy account, which the account limit already holds.
    /// </summary>
    public static BrakeSettings Default { get; } = new(20, TimeSpan.FromMinutes(10), 60, TimeSpan.FromMinutes(1));
}
