using System.Text.Json;
using OpsBot.Functions.Approvals;

namespace OpsBot.Lambda.Handlers;

/// <summary>
/// The <c>sweeper</c> function, run on a schedule: expires lapsed approval requests and updates their
/// Slack messages. The scheduled event's content is not needed; the answer is the sweep's summary.
/// </summary>
public sealed class SweeperInvocation(PendingApprovalSweeper sweeper, TimeProvider clock) : IInvocationHandler
{
    /// <inheritdoc />
    public async Task<string> HandleAsync(string body, CancellationToken cancellationToken)
    {
        var result = await sweeper.ExpirePendingAsync(clock.GetUtcNow(), cancellationToken);
        return JsonSerializer.Serialize(result, SweeperJsonContext.Default.SweepResult);
    }
}
