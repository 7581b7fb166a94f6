using OpsBot.Functions.Slack.Connection;
using OpsBot.Functions.Slack.Messages;

namespace OpsBot.Functions.Approvals;

/// <summary>
/// The Sweeper's approval half: expires every pending request that lapsed and changes its Slack
/// message to say so. A message that cannot be updated is reported, never a reason to leave the
/// request pending: the expiry is what matters for safety.
/// </summary>
/// <param name="workflow">Settles the requests.</param>
/// <param name="slack">Where the messages are; null when Slack is not configured.</param>
public sealed class PendingApprovalSweeper(ApprovalWorkflow workflow, SlackWorkspace? slack)
{
    /// <summary>Expires the requests lapsed at <paramref name="now"/> and updates their messages.</summary>
    public async Task<SweepResult> ExpirePendingAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expired = await workflow.ExpirePendingAsync(now, cancellationToken);
        var updated = 0;
        var errors = new List<string>();
        foreach (var request in expired)
        {
            if (request.Pending.Message is not { } location || request.Update is not { } update || slack is null)
            {
                continue;
            }

            try
            {
                var connection = await slack.ConnectAsync(cancellationToken);
                await connection.Client.UpdateMessageAsync(location.Channel, location.Ts, SlackMessages.ResultUpdate(update), cancellationToken);
                updated++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                errors.Add($"message for {request.Pending.Action.EventId} {request.Pending.Action.PolicyId} {request.Pending.Action.ResourceId} not updated: {ex.Message}");
            }
        }

        return new SweepResult(expired.Count, updated, errors);
    }
}
