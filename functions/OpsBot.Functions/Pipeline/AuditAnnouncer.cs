using System.Text.Json;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.EventBridge;
using OpsBot.Functions.Aws.Sns;
using OpsBot.Functions.Slack.Alerts;
using OpsBot.Functions.State;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Pipeline;

/// <summary>
/// Announces an audit record once it is written: an SNS alert (and, when given, a Slack alert) for
/// each decision whose policy asks for it, then the record as a result event on the bus. A failed
/// announcement never loses the record: the failure is added to it and it is written again.
/// Used by the pipeline for new decisions and by the approval workflow for settlements.
/// </summary>
public sealed class AuditAnnouncer(PolicySet policies, IStateStore state, IAlertPublisher alerts, IResultEventPublisher resultEvents, string resultDetailType)
{
    /// <summary>Announces <paramref name="decisions"/> of <paramref name="record"/>; returns the record as finally written.</summary>
    public async Task<AuditRecord> AnnounceAsync(AuditRecord record, IReadOnlyList<AuditDecision> decisions, SlackAlertPublisher? slack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(decisions);
        var errors = new List<string>();
        foreach (var decision in decisions)
        {
            var policy = policies.Find(decision.PolicyId);
            if (policy is null)
            {
                continue;
            }

            if (policy.Notify.Contains(NotifyChannel.Sns))
            {
                try
                {
                    await alerts.PublishAsync(AlertFormatter.Format(record, decision, policy), cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    errors.Add($"SNS alert for {decision.PolicyId} not sent: {ex.Message}");
                }
            }

            if (slack is not null && policy.Notify.Contains(NotifyChannel.Slack))
            {
                try
                {
                    await slack.PublishAsync(record, decision, policy, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // SlackApiException and InvalidSettingException name the call and code, never a token or URL.
                    errors.Add($"Slack alert for {decision.PolicyId} not sent: {ex.Message}");
                }
            }
        }

        try
        {
            await resultEvents.PutAsync(resultDetailType, JsonSerializer.Serialize(record, PipelineJsonContext.Default.AuditRecord), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            errors.Add($"result event not put: {ex.Message}");
        }

        if (errors.Count == 0)
        {
            return record;
        }

        // The record was written before announcing; a failed announcement is added to it, never lost.
        var updated = record with { Errors = [.. record.Errors, .. errors] };
        await state.WriteAuditAsync(updated, cancellationToken);
        return updated;
    }
}
