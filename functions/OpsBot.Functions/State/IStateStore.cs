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
}
