namespace OpsBot.Functions.Observability;

/// <summary>Where the per-policy outcome metrics go (<see cref="OutcomeMetricNames"/>).</summary>
public interface IOutcomeMetrics
{
    /// <summary>One event's outcome for one policy.</summary>
    /// <param name="eventId">The event (audit record) the outcome belongs to, for finding it from the metric.</param>
    /// <param name="outcome">The counts.</param>
    void Outcome(string eventId, PolicyOutcome outcome);

    /// <summary>An announcement was given up; <paramref name="policy"/> is null for a round's result event, which belongs to no one policy.</summary>
    /// <param name="eventId">The event whose announcement it was.</param>
    /// <param name="policy">The decision's policy, or null.</param>
    /// <param name="resourceType">The policy's resource type, or null.</param>
    void AnnouncementFailed(string eventId, string? policy, string? resourceType);
}
