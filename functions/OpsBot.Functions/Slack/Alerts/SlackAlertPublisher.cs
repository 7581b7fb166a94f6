using OpsBot.Functions.Audit;
using OpsBot.Functions.Slack.Connection;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.Slack.Threading;
using OpsBot.Functions.State;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Slack.Alerts;

/// <summary>
/// Announces a decision in Slack: an approval request (Approve/Deny) for a pending action, whose
/// channel and ts are stored on the pending action so the message can be settled later; otherwise the
/// alert (with Undo after a remediation), threaded under earlier alerts for the same thing. Uses the
/// Web API when a bot token and channel are configured, else the incoming webhook.
/// </summary>
public sealed class SlackAlertPublisher(SlackWorkspace workspace, IStateStore state, ISlackThreadTracker threads)
{
    /// <summary>Posts the message for <paramref name="decision"/> of <paramref name="record"/>.</summary>
    /// <exception cref="Client.SlackApiException">Slack refused the message or could not be reached.</exception>
    /// <exception cref="Configuration.InvalidSettingException">The Slack credentials are missing or malformed.</exception>
    public async Task PublishAsync(AuditRecord record, AuditDecision decision, Policy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(policy);
        var connection = await workspace.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var facts = SlackAlertFacts.From(record, decision, policy);
        var pending = decision.Outcome == AuditOutcome.PendingApproval
            ? await state.ReadPendingActionAsync(record.EventId, decision.PolicyId, decision.ResourceId, cancellationToken).ConfigureAwait(false)
            : null;
        var message = pending is null
            ? SlackMessages.Alert(facts)
            : SlackMessages.ApprovalRequest(SlackApprovalRequest.From(facts, pending.Action));

        if (!connection.Secrets.CanUseWebApi)
        {
            await connection.Client.PostWebhookAsync(message, cancellationToken).ConfigureAwait(false);
            return;
        }

        var channel = connection.Secrets.Channel!;
        if (pending is null)
        {
            await new SlackAlertPoster(connection.Client, threads).PostAsync(channel, facts, message, cancellationToken).ConfigureAwait(false);
            return;
        }

        // An approval request stands on its own in the channel, where approvers see it, not inside a thread.
        var posted = await connection.Client.PostMessageAsync(channel, message, null, cancellationToken).ConfigureAwait(false);
        await state.AttachSlackMessageAsync(pending.Action, new SlackMessageLocation(posted.Channel, posted.Ts), cancellationToken).ConfigureAwait(false);
    }
}
