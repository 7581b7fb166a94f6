using OpsBot.Functions.Audit;

namespace OpsBot.Functions.State;

/// <summary>OpsBot's durable state: idempotency claims, audit records and pending actions.</summary>
public interface IStateStore
{
    /// <summary>
    /// Claims <paramref name="eventId"/> for processing. False when the event was already processed,
    /// or is being processed by another invocation whose lease has not expired: a duplicate.
    /// </summary>
    Task<bool> TryClaimAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>Marks a claimed event as done, so any later delivery is a duplicate.</summary>
    Task CompleteClaimAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>Gives a claim back after a failure that a redelivery should retry.</summary>
    Task ReleaseClaimAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>Writes (or replaces) the audit record of an event.</summary>
    Task WriteAuditAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>The audit record of <paramref name="eventId"/>, or null.</summary>
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
