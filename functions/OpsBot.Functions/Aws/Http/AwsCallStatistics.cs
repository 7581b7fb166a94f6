using System.Collections.Concurrent;

namespace OpsBot.Functions.Aws.Http;

/// <summary>
/// Counts, per service, what the hand-written AWS calls did: calls, attempts, retries, and how each
/// ended. Shared by every client of one runtime and safe to read while calls run, so tests and
/// fault-injection reports can tell how often a call had to be retried or was given up.
/// </summary>
public sealed class AwsCallStatistics
{
    private readonly ConcurrentDictionary<string, Counters> _services = new(StringComparer.Ordinal);

    /// <summary>The counts for <paramref name="service"/> (e.g. <c>sns</c>) so far; zeros when it was never called.</summary>
    public AwsServiceCallCounts For(string service) =>
        _services.TryGetValue(service, out var counters) ? counters.Snapshot() : AwsServiceCallCounts.None;

    /// <summary>The counts of every service called so far, by service name.</summary>
    public IReadOnlyDictionary<string, AwsServiceCallCounts> Snapshot() =>
        _services.ToDictionary(s => s.Key, s => s.Value.Snapshot(), StringComparer.Ordinal);

    internal void CallStarted(string service) => Interlocked.Increment(ref Of(service).Calls);

    internal void AttemptStarted(string service, int attempt)
    {
        var counters = Of(service);
        Interlocked.Increment(ref counters.Attempts);
        if (attempt > 1)
        {
            Interlocked.Increment(ref counters.Retries);
        }
    }

    internal void Succeeded(string service) => Interlocked.Increment(ref Of(service).Succeeded);

    internal void Failed(string service) => Interlocked.Increment(ref Of(service).Failed);

    internal void GaveUp(string service) => Interlocked.Increment(ref Of(service).GivenUp);

    internal void Cancelled(string service) => Interlocked.Increment(ref Of(service).Cancelled);

    private Counters Of(string service) => _services.GetOrAdd(service, _ => new Counters());

    private sealed class Counters
    {
        public long Calls;
        public long Attempts;
        public long Retries;
        public long Succeeded;
        public long Failed;
        public long GivenUp;
        public long Cancelled;

        public AwsServiceCallCounts Snapshot() => new(
            Interlocked.Read(ref Calls),
            Interlocked.Read(ref Attempts),
            Interlocked.Read(ref Retries),
            Interlocked.Read(ref Succeeded),
            Interlocked.Read(ref Failed),
            Interlocked.Read(ref GivenUp),
            Interlocked.Read(ref Cancelled));
    }
}
