using OpsBot.Functions.Audit;

namespace OpsBot.Functions.Slack.Messages;

/// <summary>An approval request: the facts, the exact rules that would be revoked, who may approve and until when.</summary>
/// <param name="Facts">What happened and what matched.</param>
/// <param name="Revoke">The elements that approving would revoke.</param>
/// <param name="Approvers">Slack user ids (U…, W…) or user-group ids (S…) allowed to approve.</param>
/// <param name="ExpiresAt">When the request lapses.</param>
public sealed record SlackApprovalRequest(SlackAlertFacts Facts, IReadOnlyList<AuditPermission> Revoke, IReadOnlyList<string> Approvers, DateTimeOffset ExpiresAt)
{
    /// <summary>The request for the recorded <paramref name="pending"/> action described by <paramref name="facts"/>.</summary>
    public static SlackApprovalRequest From(SlackAlertFacts facts, PendingAction pending)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(pending);
        return new(facts, pending.Revoke, pending.Approvers, pending.ExpiresAt);
    }

    /// <summary>The value the Approve and Deny buttons carry.</summary>
    public SlackActionValue ActionValue => Facts.ActionValue;
}
