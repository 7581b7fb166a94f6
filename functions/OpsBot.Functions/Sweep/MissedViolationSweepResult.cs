namespace OpsBot.Functions.Sweep;

/// <summary>What a sweep for missed violations did.</summary>
/// <param name="Groups">Groups read.</param>
/// <param name="Violating">Groups some policy matched.</param>
/// <param name="Acted">Violations acted on now (remediated, announced or sent for approval).</param>
/// <param name="AlreadyKnown">Violations already handled by an earlier sweep or event (not repeated).</param>
/// <param name="Errors">Accounts, regions or groups that could not be swept, with the reason; the others still were.</param>
public sealed record MissedViolationSweepResult(int Groups, int Violating, int Acted, int AlreadyKnown, IReadOnlyList<string> Errors);
