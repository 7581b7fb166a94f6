using OpsBot.Functions.Audit;
using OpsBot.Functions.State;

namespace OpsBot.Functions.Tests.Integration;

/// <summary>
/// The real state store, except that audit write number <c>failingWrite</c> (1-based) fails once, as
/// if the function died between revoking and recording: the case a redelivery must not paper over.
/// </summary>
internal sealed class InterruptingStateStore(IStateStore inner, int failingWrite) : DelegatingStateStore(inner)
{
    private int writes;

    public override Task WriteAuditAsync(AuditRecord record, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref writes) == failingWrite
            ? throw new TimeoutException("the function was stopped before its audit record was written")
            : base.WriteAuditAsync(record, cancellationToken);
}
