using OpsBot.Functions.Audit;
using OpsBot.Functions.State;

namespace OpsBot.Functions.Tests.Integration;

/// <summary>A state store that forwards every call to the real one; tests override the call they disturb.</summary>
internal abstract class DelegatingStateStore(IStateStore inner) : IStateStore
{
    public virtual Task<StoredPendingAction?> ReadPendingActionAsync(string eventId, string policyId, string resourceId, CancellationToken cancellationToken) =>
        inner.ReadPendingActionAsync(eventId, policyId, resourceId, cancellationToken);

    public virtual Task<bool> TryClaimAsync(string eventId, CancellationToken cancellationToken) =>
        inner.TryClaimAsync(eventId, cancellationToken);

    public virtual Task CompleteClaimAsync(string eventId, CancellationToken cancellationToken) =>
        inner.CompleteClaimAsync(eventId, cancellationToken);

    public virtual Task ReleaseClaimAsync(string eventId, CancellationToken cancellationToken) =>
        inner.ReleaseClaimAsync(eventId, cancellationToken);

    public virtual Task<AuditRecord?> ReadAuditAsync(string eventId, CancellationToken cancellationToken) =>
        inner.ReadAuditAsync(eventId, cancellationToken);

    public virtual Task SavePendingAsync(PendingAction action, CancellationToken cancellationToken) =>
        inner.SavePendingAsync(action, cancellationToken);

    public virtual Task<IReadOnlyList<PendingAction>> ReadPendingAsync(string eventId, CancellationToken cancellationToken) =>
        inner.ReadPendingAsync(eventId, cancellationToken);

    public virtual Task AttachSlackMessageAsync(PendingAction action, SlackMessageLocation message, CancellationToken cancellationToken) =>
        inner.AttachSlackMessageAsync(action, message, cancellationToken);

    public virtual Task<bool> TryMovePendingAsync(PendingAction action, PendingStatus from, PendingStatus to, string? byUserId, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.TryMovePendingAsync(action, from, to, byUserId, at, cancellationToken);

    public virtual Task<IReadOnlyList<StoredPendingAction>> ReadLapsedPendingAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.ReadLapsedPendingAsync(now, cancellationToken);

    public virtual Task WriteInteractionAsync(InteractionAuditRecord record, CancellationToken cancellationToken) =>
        inner.WriteInteractionAsync(record, cancellationToken);

    public virtual Task<IReadOnlyList<InteractionAuditRecord>> ReadInteractionsAsync(string eventId, CancellationToken cancellationToken) =>
        inner.ReadInteractionsAsync(eventId, cancellationToken);

    public virtual Task<IReadOnlyList<InteractionAuditRecord>> ReadUnattributedInteractionsAsync(DateOnly day, CancellationToken cancellationToken) =>
        inner.ReadUnattributedInteractionsAsync(day, cancellationToken);

    public virtual Task WriteAuditAsync(AuditRecord record, CancellationToken cancellationToken) =>
        inner.WriteAuditAsync(record, cancellationToken);
}
