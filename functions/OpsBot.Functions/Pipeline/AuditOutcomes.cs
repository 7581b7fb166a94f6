using OpsBot.Functions.Audit;

namespace OpsBot.Functions.Pipeline;

/// <summary>How an event's overall outcome follows from its decisions, also after a decision is settled later (approved, denied, expired, undone).</summary>
internal static class AuditOutcomes
{
    /// <summary>The outcome that says most about the event: a failure over a change over a question over an alert.</summary>
    public static AuditOutcome MostSignificant(IEnumerable<AuditOutcome> outcomes) => outcomes.MaxBy(Significance);

    /// <summary>
    /// <paramref name="record"/> with the decision of the same policy and resource replaced by
    /// <paramref name="settled"/>, the overall outcome recomputed and <paramref name="note"/> added to the reason.
    /// </summary>
    public static AuditRecord Settle(AuditRecord record, AuditDecision settled, string note)
    {
        var decisions = record.Decisions
            .Select(d => d.PolicyId == settled.PolicyId && d.ResourceId == settled.ResourceId ? settled : d)
            .ToList();
        return record with
        {
            Decisions = decisions,
            Outcome = MostSignificant(decisions.Select(d => d.Outcome)),
            Reason = string.IsNullOrEmpty(record.Reason) ? $"{settled.PolicyId}: {note}" : $"{record.Reason}; {settled.PolicyId}: {note}",
        };
    }

    private static int Significance(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Failed => 8,
        AuditOutcome.Remediated => 7,
        AuditOutcome.Undone => 6,
        AuditOutcome.PendingApproval => 5,
        AuditOutcome.Denied => 4,
        AuditOutcome.Expired => 3,
        AuditOutcome.Notified => 2,
        AuditOutcome.Held => 2,
        _ => 1,
    };
}
