using OpsBot.Functions.Audit;
using OpsBot.Functions.State;

namespace OpsBot.Functions.Tests.Integration;

/// <summary>
/// The real state store, except that audit write number <c>failingWrite</c> (1-based) fails once, as
/// if the function died between revoking and recording: the case a redelivery must not paper over.
/// </summary>
internal sealed class InterruptingStateStore(IStateStore inner, int failingWrite) : IStateStore
{
    private int writes;

    public Task WriteAuditAsync(AuditRecord record, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref writes) == failingWrite
            ? throw new TimeoutException("the function was stopped before its audit record was written")
            : inner.WriteAuditAsync(record, cancellationToken);

    public Task<StoredPendingAction?> ReadPendingActionAsync(string eventId, string policyId, string resourceId, CancellationToken cancellationToken) =>
        inner.ReadPendingActionAsync(eventId, policyId, resourceId, cancellationToken);

    public Task<bool> TryClaimAsync(string eventId, CancellationToken cancellationToken) => inner.TryClaimAsync(eventId, cancellationToken);

    public Task CompleteClaimAsync(string eventId, CancellationToken cancellationToken) => inner.CompleteClaimAsync(eventId, cancellationToken);

    public Task ReleaseClaimAsync(string eventId, CancellationToken cancellationToken) => inner.ReleaseClaimAsync(eventId, cancellationToken);


    public Task<AuditRecord?> ReadAuditAsync(string eventId, CancellationToken cancellationToken) => inner.ReadAuditAsync(eventId, cancellationToken);

    public Task SavePendingAsync(PendingAction action, CancellationToken cancellationToken) => inner.SavePendingAsync(action, cancellationToken);

    public Task<IReadOnlyList<PendingAction>> ReadPendingAsync(string eventId, CancellationToken cancellationToken) => inner.ReadPendingAsync(eventId, cancellationToken);

    public Task AttachSlackMessageAsync(PendingAction action, SlackMessageLocation message, CancellationToken cancellationToken) => inner.AttachSlackMessageAsync(action, message, cancellationToken);

    public Task<bool> TryMovePendingAsync(PendingAction action, PendingStatus from, PendingStatus to, string? byUserId, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.TryMovePendingAsync(action, from, to, byUserId, at, cancellationToken);

    public Task<IReadOnlyList<StoredPendingAction>> ReadLapsedPendingAsync(DateTimeOffset now, CancellationToken cancellationToken) => inner.ReadLapsedPendingAsync(now, cancellationToken);

    public Task WriteInteractionAsync(InteractionAuditRecord record, CancellationToken cancellationToken) => inner.WriteInteractionAsync(record, cancellationToken);

    public Task<IReadOnlyList<InteractionAuditRecord>> ReadInteractionsAsync(string eventId, CancellationToken cancellationToken) => inner.ReadInteractionsAsync(eventId, cancellationToken);

    public Task<IReadOnlyList<InteractionAuditRecord>> ReadUnattributedInteractionsAsync(DateOnly day, CancellationToken cancellationToken) => inner.ReadUnattributedInteractionsAsync(day, cancellationToken);
}
