using OpsBot.Functions.Outbox;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Observability;

/// <summary>
/// An <see cref="IDeliveryMetrics"/> that passes every signal on and also counts a given-up
/// announcement as <see cref="OutcomeMetricNames.AnnouncementsFailed"/> of the decision's policy (read
/// from the announcement id, <c>round/channel/policy/resource</c>; a round's result event has no
/// policy and counts in the total only), with an error log line.
/// </summary>
internal sealed class ObservedDeliveryMetrics(IDeliveryMetrics inner, PolicySet policies, IOutcomeMetrics metrics, StructuredLog log) : IDeliveryMetrics
{
    /// <inheritdoc />
    public void AnnouncementGivenUp(string eventId, string announcementId, string error)
    {
        inner.AnnouncementGivenUp(eventId, announcementId, error);

        // The resource id may hold slashes (an ARN): everything after the policy is the resource.
        var parts = (announcementId ?? "").Split('/', 4);
        var policy = parts.Length == 4 ? parts[2] : null;
        metrics.AnnouncementFailed(eventId, policy, policy is null ? null : policies.Find(policy)?.Resource);
        log.Write(new LogEntry
        {
            Level = StructuredLog.Error,
            Message = $"announcement {announcementId} given up",
            EventId = eventId,
            Policy = policy,
            Resource = parts.Length == 4 ? parts[3] : null,
            Outcome = "given-up",
            AuditId = eventId,
            Reason = error,
        });
    }

    /// <inheritdoc />
    public void StuckClaims(int count) => inner.StuckClaims(count);
}
