using OpsBot.Functions.Approvals;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.State;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Holds;

/// <summary>
/// Grants an exemption from the Exempt modal: the approver (a policy approver or an undo user, as for
/// Undo) names a duration among <see cref="ExemptionChoices"/> and a reason; OpsBot records who, why,
/// until when and the audit record in the state table, and the outcome carries the alert's new form
/// (<see cref="SlackResultKind.Exempted"/>: who, until when, why; no Exempt button). The pipeline and the
/// sweeper leave the resource's violations of that policy alone until it ends; then the next sweep
/// re-checks the resource. The author of the change may not exempt it.
/// </summary>
/// <param name="policies">The policies as loaded now.</param>
/// <param name="state">The state table (audit records).</param>
/// <param name="holds">Where exemptions are recorded.</param>
/// <param name="approvals">Who may act (approvers, undo users, user groups).</param>
/// <param name="selfApproval">Refuses the author of the change.</param>
/// <param name="clock">The clock.</param>
public sealed class ExemptionWorkflow(PolicySet policies, IStateStore state, HoldStore holds, ApprovalWorkflow approvals, SelfApprovalGuard selfApproval, TimeProvider clock)
{
    /// <summary>Exempts the resource of <paramref name="target"/> from its policy for <paramref name="duration"/> (an option value, <c>7d</c>) because of <paramref name="reason"/>.</summary>
    /// <exception cref="Exception">A state-table failure; nothing was recorded.</exception>
    public async Task<ClickOutcome> ExemptAsync(SlackActionValue target, string userId, string duration, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var record = await state.ReadAuditAsync(target.EventId, cancellationToken);
        if (await RefuseAsync(record, target, userId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var decision = record!.Decisions.First(d => d.PolicyId == target.PolicyId && d.ResourceId == target.ResourceId);
        var policy = policies.Find(target.PolicyId)!;
        var choice = ExemptionChoices.For(policy).FirstOrDefault(c => c.Value == duration);
        if (choice.Value is null)
        {
            return ClickOutcome.Refused(
                $"{userId} asked for an exemption of '{duration}', not one of {string.Join(", ", ExemptionChoices.For(policy).Select(c => c.Value))} (exemptMax {ExemptionChoices.Value(policy.Remediation.ExemptMax)})",
                $"An exemption from {SlackMarkdown.Code(policy.Id)} lasts at most {ExemptionChoices.Label(policy.Remediation.ExemptMax)}; nothing was exempted.");
        }

        var now = clock.GetUtcNow();
        var hold = new ResourceHold(HoldKind.Exemption, Guid.NewGuid().ToString("N"), record.Account, record.Region, decision.ResourceId, policy.Id, [], [], userId, reason.Trim(), now, now + choice.Duration, record.EventId);
        await holds.WriteAsync(hold, cancellationToken);

        // The alert now says who exempted it, until when and why, and offers no second Exempt; an Undo it carried stays.
        var update = new SlackResultUpdate(SlackResultKind.Exempted, SlackAlertFacts.From(record, decision, policy), now, userId, hold.Reason, OfferUndo: true, Until: hold.Until);
        return new ClickOutcome(InteractionResult.Exempted, $"{decision.ResourceId} {hold.Describe()}", update,
            $"Exempted {SlackMarkdown.Code(decision.ResourceId)} from {SlackMarkdown.Code(policy.Id)} until {SlackMarkdown.Date(hold.Until)}; OpsBot re-checks it when the exemption ends.");
    }

    /// <summary>
    /// Why <paramref name="userId"/> may not exempt the resource of <paramref name="target"/> (no record,
    /// the policy gone, not an approver or undo user, their own change), or null when they may: checked on
    /// the "Exempt for…" click, before its modal opens, and again when the modal is submitted.
    /// </summary>
    /// <exception cref="Exception">A state-table failure.</exception>
    public async Task<ClickOutcome?> RefuseAsync(SlackActionValue target, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return await RefuseAsync(await state.ReadAuditAsync(target.EventId, cancellationToken), target, userId, cancellationToken);
    }

    private async Task<ClickOutcome?> RefuseAsync(AuditRecord? record, SlackActionValue target, string userId, CancellationToken cancellationToken)
    {
        var decision = record?.Decisions.FirstOrDefault(d => d.PolicyId == target.PolicyId && d.ResourceId == target.ResourceId);
        if (record is null || decision is null)
        {
            return ClickOutcome.Refused($"no decision recorded for {target}", "OpsBot has no record of this alert; nothing was exempted.");
        }

        if (policies.Find(target.PolicyId) is not { } policy)
        {
            return ClickOutcome.Refused($"policy {target.PolicyId} is no longer loaded", $"Policy {SlackMarkdown.Code(target.PolicyId)} is no longer loaded; nothing was exempted.");
        }

        if (await approvals.MayActAsync([.. policy.Remediation.Approvers, .. approvals.UndoUsers], userId, cancellationToken) is { Allowed: false } check)
        {
            return ClickOutcome.Refused(
                $"{userId} may not exempt: neither an approver of {policy.Id} nor an undo user{check.Problem}",
                $"Only approvers of {SlackMarkdown.Code(policy.Id)} and OpsBot's undo users can exempt a resource.");
        }

        return selfApproval.OwnChange(record.Actor, userId) is { } own
            ? ClickOutcome.Refused(
                $"{userId} may not exempt their own change: {own}",
                $"You made this change, so you cannot exempt it yourself ({SlackMarkdown.Escape(own)}). Ask another approver.")
            : null;
    }
}
