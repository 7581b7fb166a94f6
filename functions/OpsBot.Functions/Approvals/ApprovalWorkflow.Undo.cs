using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Functions.Holds;
using OpsBot.Functions.Resources;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.State;
using OpsBot.Rules.Resources;

namespace OpsBot.Functions.Approvals;

/// <summary>Undo: restoring what a remediation changed, and the checks made before the modal opens and on its submission.</summary>
public sealed partial class ApprovalWorkflow
{
    /// <summary>How long after the remediation Undo is offered; a later click is refused.</summary>
    public static readonly TimeSpan UndoWindow = TimeSpan.FromDays(7);

    /// <summary>
    /// Restores what the remediation of <paramref name="target"/> changed, for <paramref name="userId"/>
    /// who gave <paramref name="reason"/> (the Undo modal), and records a suppression of the restored
    /// elements for the policy's <c>suppressFor</c> so they are not revoked again until it ends.
    /// </summary>
    /// <exception cref="Exception">A state-table failure; nothing was settled.</exception>
    public async Task<ClickOutcome> UndoAsync(SlackActionValue target, string userId, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var record = await state.ReadAuditAsync(target.EventId, cancellationToken);
        if (await RefuseUndoAsync(record, target, userId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var decision = record!.Decisions.First(d => d.PolicyId == target.PolicyId && d.ResourceId == target.ResourceId);
        var policy = policies.Find(target.PolicyId);
        var restore = decision.Revoked.ToList();

        var claim = $"undo:{target}";
        var owner = Guid.NewGuid().ToString("N");
        if (await state.TryClaimAsync(claim, owner, cancellationToken) != ClaimOutcome.Claimed)
        {
            return ClickOutcome.Refused($"{userId} clicked Undo while it was already being undone", "This remediation is already being undone.");
        }

        var now = clock.GetUtcNow();
        try
        {
            var adapter = AdapterFor(policy?.Resource ?? ResourceTypeOf(record));
            var session = await sessions.MemberAsync(record.Account, record.Region, SessionPurpose.SlackInteraction(record.EventId, userId), cancellationToken);
            foreach (var change in decision.Changes ?? [])
            {
                await adapter.RestoreAsync(session, change, cancellationToken);
            }

            if (restore.Count > 0)
            {
                // Revoked rules, in the shape every security-group record has carried since the first release.
                var rules = adapter as IRuleRevokingAdapter ?? throw new InvalidOperationException($"the decision revoked rules, but the adapter of {adapter.ResourceType} does not restore rules");
                await rules.AuthorizeAsync(session, decision.ResourceId, restore, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await state.ReleaseClaimAsync(claim, owner, CancellationToken.None);
            return new ClickOutcome(InteractionResult.Failed, $"undo by {userId} failed: {ex.Message}", null, $"Undo failed: {SlackMarkdown.Escape(ex.Message)}. Nothing was restored.");
        }

        var restored = decision.Changes is { Count: > 0 } made ? $"put back what was changed: {string.Join("; ", made.Select(c => c.Summary))}" : $"restored {restore.Count} rule(s) revoked earlier";
        var why = string.IsNullOrWhiteSpace(reason) ? "no reason given" : reason.Trim();
        var suppressed = "";
        if (holds is not null)
        {
            var hold = new ResourceHold(
                HoldKind.Suppression, Guid.NewGuid().ToString("N"), record.Account, record.Region, decision.ResourceId, decision.PolicyId,
                HoldCheck.ByShape(restore), decision.Revoked.Count > 0 ? [] : decision.MatchedElements ?? [],
                userId, why, now, now + (policy?.Remediation.SuppressFor ?? TimeSpan.FromHours(24)), record.EventId);
            await holds.WriteAsync(hold, cancellationToken);
            suppressed = $"; {hold.Describe()}";
        }

        var settled = decision with { Outcome = AuditOutcome.Undone, Reason = $"undone by {userId} at {Stamp(now)} (reason: {why}): {restored}{suppressed} ({decision.Reason})" };
        var updated = await SettleAuditAsync(record, settled, cancellationToken);
        await state.CompleteClaimAsync(claim, owner, cancellationToken);
        var update = policy is null ? null : new SlackResultUpdate(SlackResultKind.Undone, SlackAlertFacts.From(updated, settled, policy), now, userId);
        return new ClickOutcome(InteractionResult.Undone, settled.Reason, update, update is null ? $"Undone: {restored}." : null);
    }

    /// <summary>
    /// Why <paramref name="userId"/> may not undo <paramref name="target"/> now (no record, not allowed,
    /// their own change, nothing to undo or already undone, the undo window over), or null when they may:
    /// checked on the Undo click, before its modal opens, and again when the modal is submitted.
    /// </summary>
    /// <exception cref="Exception">A state-table failure.</exception>
    public async Task<ClickOutcome?> RefuseUndoAsync(SlackActionValue target, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return await RefuseUndoAsync(await state.ReadAuditAsync(target.EventId, cancellationToken), target, userId, cancellationToken);
    }

    private async Task<ClickOutcome?> RefuseUndoAsync(AuditRecord? record, SlackActionValue target, string userId, CancellationToken cancellationToken)
    {
        var decision = record?.Decisions.FirstOrDefault(d => d.PolicyId == target.PolicyId && d.ResourceId == target.ResourceId);
        if (record is null || decision is null)
        {
            return ClickOutcome.Refused($"no remediation recorded for {target}", "OpsBot has no record of this remediation; nothing was changed.");
        }

        var policy = policies.Find(target.PolicyId);
        if (await MayActAsync([.. policy?.Remediation.Approvers ?? [], .. undoUsers], userId, cancellationToken) is { Allowed: false } check)
        {
            return ClickOutcome.Refused(
                $"{userId} may not undo: neither an approver of {target.PolicyId} nor an undo user{check.Problem}",
                $"Only approvers of {SlackMarkdown.Code(target.PolicyId)} and OpsBot's undo users can restore these rules.");
        }

        if (_self.OwnChange(record.Actor, userId) is { } own)
        {
            return SelfRefused(userId, "undo", own);
        }

        if (decision.Outcome != AuditOutcome.Remediated || !decision.IsRestorable)
        {
            return ClickOutcome.Refused(
                $"nothing to undo: the decision is {decision.Outcome} ({decision.Reason})",
                decision.Outcome == AuditOutcome.Undone ? $"Already undone: {SlackMarkdown.Escape(decision.Reason)}" : "There is nothing to undo.");
        }

        return clock.GetUtcNow() - record.RecordedAt > UndoWindow
            ? ClickOutcome.Refused(
                $"{userId} clicked Undo on {target} after the undo window ({UndoWindow.TotalDays:0} days since {Stamp(record.RecordedAt)})",
                $"Undo expired: it is offered for {UndoWindow.TotalDays:0} days after the remediation. Restore by hand if still needed; the audit record keeps what was removed.")
            : null;
    }

    // A decision whose policy is no longer loaded: the record's resources name their type only by id shape.
    private static string ResourceTypeOf(AuditRecord record) =>
        record.EventName is "PutBucketAcl" or "PutBucketPolicy" or "DeleteBucketPublicAccessBlock" or "PutBucketPublicAccessBlock" ? Rules.Resources.S3Bucket.S3BucketResourceType.TypeName : SecurityGroupResourceType.TypeName;
}
