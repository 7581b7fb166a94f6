using OpsBot.Functions.Audit;

namespace OpsBot.Functions.State;

/// <summary>OpsBot's durable state: idempotency claims, audit records, their outboxes and pending actions.</summary>
public interface IStateStore
{
    /// <summary>
    /// Claims <paramref name="eventId"/> for <paramref name="owner"/> (a token per delivery attempt).
    /// A conditional write that fails reads what is there, so a retried request that meets its own
    /// earlier write is <see cref="ClaimOutcome.Claimed"/>, a finished event is <see cref="ClaimOutcome.Done"/>
    /// and a live lease held by another attempt is <see cref="ClaimOutcome.HeldByAnother"/>.
    /// </summary>
    Task<ClaimOutcome> TryClaimAsync(string eventId, string owner, CancellationToken cancellationToken);

    /// <summary>Marks a claimed event as done (everything it owes is sent), so any later delivery is a duplicate.</summary>
    Task CompleteClaimAsync(string eventId, string owner, CancellationToken cancellationToken);

    /// <summary>Gives <paramref name="owner"/>'s claim back after a failure that a redelivery should retry; another owner's claim is left alone.</summary>
    Task ReleaseClaimAsync(string eventId, string owner, CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="eventId"/> owes <paramref name="announcements"/>; those already recorded keep their state.</summary>
    Task OweAnnouncementsAsync(string eventId, IReadOnlyList<Announcement> announcements, CancellationToken cancellationToken);

    /// <summary>
    /// Records that <paramref name="eventId"/> owes <paramref name="announcements"/> and, in the same
    /// conditional write, takes each one it creates for <paramref name="owner"/> (sending, attempt 1,
    /// leased), so a first delivery sends without reading or taking first. Those already recorded keep
    /// their state; what they were is returned, so the caller can take them the usual way.
    /// </summary>
    Task<OwedAnnouncements> OweAndTakeAnnouncementsAsync(string eventId, IReadOnlyList<Announcement> announcements, string owner, CancellationToken cancellationToken);

    /// <summary>The outbox of <paramref name="eventId"/>: every announcement owed and how far it got.</summary>
    Task<IReadOnlyList<AnnouncementState>> ReadAnnouncementsAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>
    /// Takes an owed announcement for <paramref name="owner"/> to send (a conditional update: of two
    /// attempts, one gets true). A lapsed <see cref="AnnouncementStatus.Sending"/> may be taken over;
    /// a retried request meeting its own earlier take gets true.
    /// </summary>
    Task<bool> TryTakeAnnouncementAsync(string eventId, string announcementId, string owner, CancellationToken cancellationToken);

    /// <summary>Records how sending went: <see cref="AnnouncementStatus.Sent"/> with the service's reference, or back to owed (or given up) with the error.</summary>
    /// <returns>The announcement as it is recorded now; null when it was already final (sent or given up), and so left as it was.</returns>
    Task<AnnouncementState?> SettleAnnouncementAsync(string eventId, string announcementId, AnnouncementStatus status, string? error, string? reference, CancellationToken cancellationToken);

    /// <summary>Writes (or replaces) the audit record of an event.</summary>
    Task WriteAuditAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the final audit record of an event and records the <paramref name="announcements"/> it owes,
    /// each one it creates taken for <paramref name="owner"/> as <see cref="OweAndTakeAnnouncementsAsync"/>
    /// does. A store that can makes it one atomic write (record and outbox together, one round trip);
    /// by default it is <see cref="WriteAuditAsync"/> and then <see cref="OweAndTakeAnnouncementsAsync"/>.
    /// </summary>
    /// <returns>What recording the outbox found, as <see cref="OweAndTakeAnnouncementsAsync"/> returns it.</returns>
    async Task<OwedAnnouncements> WriteAuditAndOweAsync(AuditRecord record, IReadOnlyList<Announcement> announcements, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await WriteAuditAsync(record, cancellationToken);
        return await OweAndTakeAnnouncementsAsync(record.EventId, announcements, owner, cancellationToken);
    }

    /// <summary>The audit record of <paramref name="eventId"/> with its outbox (<see cref="AuditRecord.Announcements"/>), or null.</summary>
    Task<AuditRecord?> ReadAuditAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>Records a remediation waiting for approval.</summary>
    Task SavePendingAsync(PendingAction action, CancellationToken cancellationToken);

    /// <summary>The pending actions recorded for <paramref name="eventId"/>.</summary>
    Task<IReadOnlyList<PendingAction>> ReadPendingAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>The pending action of <paramref name="policyId"/> on <paramref name="resourceId"/> for <paramref name="eventId"/>, with its status; null when there is none.</summary>
    Task<StoredPendingAction?> ReadPendingActionAsync(string eventId, string policyId, string resourceId, CancellationToken cancellationToken);

    /// <summary>Remembers where the approval request for <paramref name="action"/> was posted.</summary>
    Task AttachSlackMessageAsync(PendingAction action, SlackMessageLocation message, CancellationToken cancellationToken);

    /// <summary>
    /// Moves <paramref name="action"/> from <paramref name="from"/> to <paramref name="to"/> if, and only
    /// if, it is in <paramref name="from"/> now (a conditional write): of two concurrent calls, exactly
    /// one gets true. Moving back to <see cref="PendingStatus.Pending"/> clears who handled it.
    /// </summary>
    Task<bool> TryMovePendingAsync(PendingAction action, PendingStatus from, PendingStatus to, string? byUserId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Every action still <see cref="PendingStatus.Pending"/> whose request lapsed at or before <paramref name="now"/>.</summary>
    Task<IReadOnlyList<StoredPendingAction>> ReadLapsedPendingAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Writes the audit record of a Slack interaction (under its event when known, else under the day).</summary>
    Task WriteInteractionAsync(InteractionAuditRecord record, CancellationToken cancellationToken);

    /// <summary>The interaction audit records of clicks on <paramref name="eventId"/>'s messages, oldest first.</summary>
    Task<IReadOnlyList<InteractionAuditRecord>> ReadInteractionsAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>The interaction audit records on <paramref name="day"/> (UTC) that name no event (forged, malformed), oldest first.</summary>
    Task<IReadOnlyList<InteractionAuditRecord>> ReadUnattributedInteractionsAsync(DateOnly day, CancellationToken cancellationToken);
}
