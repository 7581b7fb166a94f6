namespace OpsBot.Functions.Sweep;

/// <summary>What a sweep for missed violations did.</summary>
/// <param name="Resources">Resources read, of every swept type.</param>
/// <param name="Violating">Resources some policy matched.</param>
/// <param name="Acted">Violations acted on now (remediated, announced or sent for approval).</param>
/// <param name="AlreadyKnown">Violations already handled by an earlier sweep or event (not repeated).</param>
/// <param name="Errors">Accounts, regions or groups that could not be swept, with the reason, and why Organizations could not be read; the others still were.</param>
/// <param name="Accounts">The accounts the sweep covered.</param>
/// <param name="AccountSource">Where they came from: <c>organizations</c>, <c>configured</c> or <c>given</c>.</param>
/// <param name="StoppedEarly">Why the sweep stopped before the last resource (time budget or resource limit), or null when it went through.</param>
public sealed record MissedViolationSweepResult(
    int Resources,
    int Violating,
    int Acted,
    int AlreadyKnown,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Accounts,
    string AccountSource,
    string? StoppedEarly);
