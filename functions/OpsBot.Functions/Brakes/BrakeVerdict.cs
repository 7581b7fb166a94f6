using OpsBot.Functions.Audit;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Brakes;

/// <summary>What the brakes say about one automatic remediation about to be made.</summary>
/// <param name="Mode">The mode to apply: enforce (go ahead), approve (a stack's resource goes to a human) or notify.</param>
/// <param name="Outcome">The outcome of a held remediation: <see cref="AuditOutcome.Notified"/> when this one announces (the escalation, the batch, the trip), <see cref="AuditOutcome.Held"/> when it is only recorded; null when not held.</param>
/// <param name="Reason">Why, in words, for the audit, SNS and Slack; empty when going ahead.</param>
public sealed record BrakeVerdict(RemediationMode Mode, AuditOutcome? Outcome, string Reason)
{
    /// <summary>No brake applies: enforce.</summary>
    public static BrakeVerdict Proceed { get; } = new(RemediationMode.Enforce, null, "");

    /// <summary>The held batch this violation joined (<see cref="State.HeldViolations.BatchKey"/>), when the account limit held it; the announcing decision carries it so its message offers Release.</summary>
    public string? HeldBatch { get; init; }

    /// <summary>When this violation tripped the circuit breaker (only the one that tripped it); its message offers Reset breaker for that trip.</summary>
    public DateTimeOffset? BreakerTrippedAt { get; init; }

    /// <summary>True when the remediation must not be made now.</summary>
    public bool IsHeld => Outcome is not null;
}
