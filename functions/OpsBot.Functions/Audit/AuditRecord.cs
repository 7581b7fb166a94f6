namespace OpsBot.Functions.Audit;

/// <summary>
/// The audit trail's entry for one event: every event that reaches the pipeline ends as exactly one
/// record, whatever happened (remediated, notified, pending approval, skipped, failed, rejected).
/// </summary>
public sealed record AuditRecord
{
    /// <summary>The EventBridge event id (or <c>message:&lt;id&gt;</c> for a body that could not be read).</summary>
    public required string EventId { get; init; }

    /// <summary>When OpsBot recorded the outcome.</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>When the call was made, per CloudTrail (null for rejected events).</summary>
    public DateTimeOffset? EventTime { get; init; }

    /// <summary>The member account the call was made in.</summary>
    public string Account { get; init; } = "";

    /// <summary>The region the call was made in.</summary>
    public string Region { get; init; } = "";

    /// <summary>The CloudTrail event name.</summary>
    public string EventName { get; init; } = "";

    /// <summary>Who made the call.</summary>
    public AuditActor Actor { get; init; } = AuditActor.Unknown;

    /// <summary>The resources the event pointed at.</summary>
    public IReadOnlyList<string> Resources { get; init; } = [];

    /// <summary>The overall outcome: the most significant outcome of <see cref="Decisions"/>, or why there were none.</summary>
    public required AuditOutcome Outcome { get; init; }

    /// <summary>The reason in words (for skipped, rejected and failed events in particular).</summary>
    public string Reason { get; init; } = "";

    /// <summary>One entry per policy that matched a resource.</summary>
    public IReadOnlyList<AuditDecision> Decisions { get; init; } = [];

    /// <summary>Errors met on the way (delivery failures of announcements are in <see cref="Announcements"/>).</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>
    /// The announcements the outcome owes and how far each got (the outbox), as read from the state
    /// table; empty in a record not yet announced.
    /// </summary>
    public IReadOnlyList<AnnouncementState> Announcements { get; init; } = [];

    /// <summary>
    /// True for the record written just before a change, listing what is about to be changed; a final
    /// record replaces it. Found by a redelivery, it means an earlier attempt stopped mid-change.
    /// </summary>
    public bool Provisional { get; init; }
}
