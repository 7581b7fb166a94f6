using OpsBot.Functions.Audit;
using OpsBot.Functions.State;

namespace OpsBot.Functions.Tests.Integration;

/// <summary>
/// The real state store, except that the first <c>parties</c> reads of a pending action wait for each
/// other: every clicker has read "pending" before any of them writes, the worst interleaving of a
/// double click. Only the conditional status write can then keep them from both acting.
/// </summary>
internal sealed class RendezvousStateStore(IStateStore inner, int parties) : IStateStore
{
    private readonly Barrier barrier = new(parties);
    private int arrivals;

    public async Task<StoredPendingAction?> ReadPendingActionAsync(string eventId, string policyId, string resourceId, CancellationToken cancellationToken)
    {
        var read = await inner.ReadPendingActionAsync(eventId, policyId, resourceId, cancellationToken);
        if (Interlocked.Increment(ref arrivals) <= parties)
        {
            await Task.Run(() => barrier.SignalAndWait(TimeSpan.FromSeconds(30)), cancellationToken);
        }

        return read;
    }

    public Task<bool> TryClaimAsync(string eventId, CancellationToken cancellationToken) => inner.TryClaimAsync(eventId, cancellationToken);

    public Task CompleteClaimAsync(string eventId, CancellationToken cancellationToken) => inner.CompleteClaimAsync(eventId, cancellationToken);

    public Task ReleaseClaimAsync(string eventId, CancellationToken cancellationToken) => inner.ReleaseClaimAsync(eventId, cancellationToken);

    public Task WriteAuditAsync(AuditRecord record, CancellationToken cancellationToken) => inner.WriteAuditAsync(record, cancellationToken);

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
