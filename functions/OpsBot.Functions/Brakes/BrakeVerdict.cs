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

    /// <summary>True when the remediation must not be made now.</summary>
    public bool IsHeld => Outcome is not null;
}
