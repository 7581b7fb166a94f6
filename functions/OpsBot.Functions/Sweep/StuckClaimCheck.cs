using OpsBot.Functions.Outbox;
using OpsBot.Functions.State;

namespace OpsBot.Functions.Sweep;

/// <summary>
/// Finds events whose claim is still <c>processing</c> long after its lease lapsed: every delivery of
/// the message failed or it went to the dead-letter queue, and nothing finished the event. Their
/// number goes to the <c>StuckClaims</c> metric, which alarms; their ids go in the sweep's report.
/// </summary>
public sealed class StuckClaimCheck(DynamoDbStateStore state, IDeliveryMetrics metrics, TimeProvider clock)
{
    /// <summary>
    /// How long after its lease a claim counts as stuck: longer than the queue's five deliveries take
    /// (5 x 420 s), so an event still being retried is not reported.
    /// </summary>
    public static readonly TimeSpan Grace = TimeSpan.FromHours(1);

    /// <summary>The most event ids the report lists.</summary>
    public const int MaxListed = 20;

    /// <summary>Counts the stuck claims, signals the count, and returns up to <see cref="MaxListed"/> of their event ids.</summary>
    public async Task<StuckClaimReport> CheckAsync(CancellationToken cancellationToken)
    {
        var stuck = await state.ReadLapsedClaimsAsync(clock.GetUtcNow() - Grace, cancellationToken);
        metrics.StuckClaims(stuck.Count);
        return new StuckClaimReport(stuck.Count, [.. stuck.OrderBy(s => s.LeaseUntil).Take(MaxListed).Select(s => s.EventId)]);
    }
}
