using OpsBot.Functions.Audit;
using OpsBot.Functions.State;

namespace OpsBot.Functions.Tests.Integration;

/// <summary>
/// The real state store, except that the first <c>parties</c> reads of a pending action wait for each
/// other: every clicker has read "pending" before any of them writes, the worst interleaving of a
/// double click. Only the conditional status write can then keep them from both acting.
/// </summary>
internal sealed class RendezvousStateStore(IStateStore inner, int parties) : DelegatingStateStore(inner)
{
    private readonly Barrier barrier = new(parties);
    private int arrivals;

    public override async Task<StoredPendingAction?> ReadPendingActionAsync(string eventId, string policyId, string resourceId, CancellationToken cancellationToken)
    {
        var read = await base.ReadPendingActionAsync(eventId, policyId, resourceId, cancellationToken);
        if (Interlocked.Increment(ref arrivals) <= parties)
        {
            await Task.Run(() => barrier.SignalAndWait(TimeSpan.FromSeconds(30)), cancellationToken);
        }

        return read;
    }
}
