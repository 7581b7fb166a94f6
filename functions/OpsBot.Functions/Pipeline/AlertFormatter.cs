using System.Text.Json;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Sns;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Pipeline;

/// <summary>Turns an audited decision into the SNS alert that announces it.</summary>
internal static class AlertFormatter
{
    public static Alert Format(AuditRecord record, AuditDecision decision, Policy policy, string? announcementId = null)
    {
        var message = new AlertMessage
        {
            EventId = record.EventId,
            AnnouncementId = announcementId,
            Outcome = decision.Outcome,
            PolicyId = decision.PolicyId,
            PolicyTitle = policy.Title,
            Severity = decision.Severity,
            Mode = decision.Mode,
            Account = record.Account,
            Region = record.Region,
            ResourceId = decision.ResourceId,
            ConsoleUrl = ConsoleLinks.For(record.Region, decision.ResourceId, policy.Resource),
            EventName = record.EventName,
            Actor = record.Actor,
            Reason = decision.Reason,
            Matched = decision.Matched,
            Revoked = decision.Revoked,
            Changes = decision.Changes,
            MatchedElements = decision.MatchedElements,
            CompliantAfter = decision.CompliantAfter,
            Explanation = decision.Explanation,
        };
        var subject = $"[OpsBot] {decision.Severity.ToUpperInvariant()} {Describe(decision.Outcome)}: {decision.PolicyId} on {decision.ResourceId} ({record.Account})";
        return new Alert(subject, JsonSerializer.Serialize(message, PipelineJsonContext.Default.AlertMessage), decision.Severity, decision.PolicyId, record.Account);
    }

    private static string Describe(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Remediated => "remediated",
        AuditOutcome.PendingApproval => "approval needed",
        AuditOutcome.Failed => "remediation failed",
        _ => "violation",
    };
}
