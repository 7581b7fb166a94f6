using OpsBot.Functions.Audit;
using OpsBot.Functions.Pipeline;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Observability;

/// <summary>
/// Turns an event's final audit record into one <see cref="PolicyOutcome"/> per policy the event
/// triggered: the policies triage picks for its event name (the first resource type whose policies
/// trigger on it), or, for a sweep finding, the swept policies of the resource's type.
/// </summary>
public static class PolicyOutcomes
{
    /// <summary>The outcomes of <paramref name="record"/>, as of <paramref name="now"/> (the fix verified, for the latency).</summary>
    /// <param name="policies">The policies in force.</param>
    /// <param name="record">A final (not provisional) audit record.</param>
    /// <param name="now">When the record was settled.</param>
    public static IReadOnlyList<PolicyOutcome> Of(PolicySet policies, AuditRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(record);
        var sweep = record.EventName == SweepFinding.EventName;
        var triggered = Triggered(policies, record, sweep).Select(p => p.Id)
            .Concat(record.Decisions.Select(d => d.PolicyId))
            .Distinct(StringComparer.Ordinal);

        // An evaluation that failed as a whole (a condition threw) leaves no decision: each policy the
        // event triggered counts it as failed, as none of them came to a decision.
        var failedWhole = record.Outcome == AuditOutcome.Failed && record.Decisions.Count == 0;
        var latency = sweep || record.EventTime is not { } eventTime ? (double?)null : Math.Max(0, (now - eventTime).TotalMilliseconds);
        var outcomes = new List<PolicyOutcome>();
        foreach (var id in triggered)
        {
            var mine = record.Decisions.Where(d => d.PolicyId == id).ToList();
            var remediated = mine.Count(d => d.Outcome == AuditOutcome.Remediated);
            outcomes.Add(new PolicyOutcome(
                id,
                policies.Find(id)?.Resource ?? "",
                1,
                mine.Count,
                remediated,
                mine.Count(d => IsHeld(d, policies.Find(id))),
                failedWhole ? 1 : mine.Count(d => d.Outcome == AuditOutcome.Failed),
                remediated > 0 ? latency : null));
        }

        return outcomes;
    }

    /// <summary>
    /// The outcome of a decision settled later (approved and remediated or failed, denied, expired,
    /// undone): only a fix or a failure counts, the event and its match were counted when it was
    /// decided. Null when the settlement counts nothing. An approved fix's latency includes the wait
    /// for the approver: the resource stayed open that long.
    /// </summary>
    public static PolicyOutcome? OfSettlement(PolicySet policies, AuditRecord record, AuditDecision settled, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(settled);
        if (settled.Outcome is not (AuditOutcome.Remediated or AuditOutcome.Failed))
        {
            return null;
        }

        var remediated = settled.Outcome == AuditOutcome.Remediated;
        var latency = remediated && record.EventName != SweepFinding.EventName && record.EventTime is { } eventTime ? Math.Max(0, (now - eventTime).TotalMilliseconds) : (double?)null;
        return new PolicyOutcome(settled.PolicyId, policies.Find(settled.PolicyId)?.Resource ?? "", 0, 0, remediated ? 1 : 0, 0, remediated ? 0 : 1, latency);
    }

    /// <summary>
    /// True for a decision that waits for a human: approval asked, held by a brake, or only notified
    /// although the policy (<paramref name="policy"/>) asks for more: a brake, a plan held back, or the
    /// forced-notify switch of a first roll-out.
    /// </summary>
    public static bool IsHeld(AuditDecision decision, Policy? policy)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Outcome is AuditOutcome.PendingApproval or AuditOutcome.Held
            || (decision.Outcome == AuditOutcome.Notified && (policy?.Remediation.Mode is RemediationMode.Enforce or RemediationMode.Approve || decision.Mode == "enforce"));
    }

    private static IEnumerable<Policy> Triggered(PolicySet policies, AuditRecord record, bool sweep)
    {
        if (sweep)
        {
            var types = record.Decisions.Select(d => policies.Find(d.PolicyId)?.Resource).OfType<string>().ToHashSet(StringComparer.Ordinal);
            return policies.All.Where(p => p.Sweep && types.Contains(p.Resource));
        }

        if (record.EventName.Length == 0)
        {
            return [];
        }

        return policies.Resources.All
            .Where(t => t.EventNames.Contains(record.EventName))
            .Select(t => policies.For(t.Name, record.EventName))
            .FirstOrDefault(c => c.Count > 0) ?? [];
    }
}
