using OpsBot.Functions.Audit;
using OpsBot.Functions.State;

namespace OpsBot.Functions.Tests.Integration;

/// <summary>The real state store, except that reading an audit record of an event in <c>slow</c> hangs until cancelled: a call that never answers.</summary>
internal sealed class SlowAuditReads(IStateStore inner, IReadOnlySet<string> slow) : DelegatingStateStore(inner)
{
    public override async Task<AuditRecord?> ReadAuditAsync(string eventId, CancellationToken cancellationToken)
    {
        if (slow.Contains(eventId))
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }

        return await base.ReadAuditAsync(eventId, cancellationToken);
    }
}
