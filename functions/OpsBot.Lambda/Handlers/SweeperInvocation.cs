using System.Text.Json;
using OpsBot.Functions.Approvals;
using OpsBot.Functions.Observability;
using OpsBot.Functions.Sweep;

namespace OpsBot.Lambda.Handlers;

/// <summary>
/// The <c>sweeper</c> function, run on a schedule: expires lapsed approval requests (updating their
/// Slack messages), then scans the organization's accounts (or the configured ones) in the configured
/// regions for violations that no event reported, within the sweep's time budget. The scheduled
/// event's content is not needed; the answer is the sweep's report. Last, it counts claims stuck in
/// processing (events nothing finished) for the stuck-claims alarm.
/// </summary>
/// <param name="approvals">Expires lapsed approval requests.</param>
/// <param name="missed">The sweep for missed violations.</param>
/// <param name="stuck">Counts stuck claims.</param>
/// <param name="regions">The regions swept.</param>
/// <param name="clock">The clock.</param>
/// <param name="observer">Where the sweep's structured log lines go; null for none.</param>
public sealed class SweeperInvocation(PendingApprovalSweeper approvals, MissedViolationSweep missed, StuckClaimCheck stuck, IReadOnlyList<string> regions, TimeProvider clock, OutcomeObserver? observer = null) : IInvocationHandler
{
    /// <inheritdoc />
    public async Task<string> HandleAsync(string body, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var expired = await approvals.ExpirePendingAsync(clock.GetUtcNow(), cancellationToken);
        var scanned = await missed.SweepAllAsync(regions, cancellationToken);
        observer?.Swept(scanned);
        var claims = await stuck.CheckAsync(cancellationToken);
        return JsonSerializer.Serialize(new SweeperReport(expired, scanned, claims), SweeperJsonContext.Default.SweeperReport);
    }
}
