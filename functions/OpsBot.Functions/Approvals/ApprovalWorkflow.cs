using System.Globalization;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Functions.Holds;
using OpsBot.Functions.Outbox;
using OpsBot.Functions.Pipeline;
using OpsBot.Functions.Resources;
using OpsBot.Functions.Slack.Client;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.State;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Resources;

namespace OpsBot.Functions.Approvals;

/// <summary>
/// Settles what people decide in Slack: approve runs the pending remediation on live state through the
/// pipeline's remediation code, deny closes the request, undo restores exactly what was revoked; and
/// requests that lapse are expired. A pending action leaves "pending" by one conditional write, so a
/// double click or two approvers act once. Every settlement is written into the event's audit record.
/// </summary>
/// <remarks>
/// Who may click: Approve and Deny, the user ids in the policy's <c>approvers</c> as loaded now (a
/// removed approver loses the right at once). Undo, the policy's approvers and the configured undo users.
/// User-group approvers (<c>S…</c>) are expanded at each click through <paramref name="userGroups"/>
/// (Slack's <c>usergroups.users.list</c>, scope <c>usergroups:read</c>); when a group cannot be read, or
/// no directory is given, the group matches nobody and the refusal says why.
/// </remarks>
/// <param name="policies">The policies as loaded now.</param>
/// <param name="state">The state table.</param>
/// <param name="sessions">Sessions in member accounts.</param>
/// <param name="clock">The clock.</param>
/// <param name="undoUsers">Users who may undo any remediation.</param>
/// <param name="userGroups">Expands user-group approvers; null without Slack.</param>
/// <param name="announcer">Announces settlements; null to only write them.</param>
/// <param name="adapters">The resource adapters; null for <see cref="ResourceAdapters.Default"/>.</param>
/// <param name="holds">Where an Undo records its suppression; null to record none.</param>
/// <param name="selfApproval">Refuses the author of a change; null for <see cref="SelfApprovalGuard.Unmapped"/>.</param>
/// <param name="observer">Where settlements' per-policy metrics and log lines go; null for none.</param>
/// <param name="brakes">The brakes' buttons (Release, Reset breaker); null refuses them.</param>
public sealed partial class ApprovalWorkflow(PolicySet policies, IStateStore state, IAccountSessions sessions, TimeProvider clock, IReadOnlyList<string> undoUsers, IUserGroupDirectory? userGroups = null, AuditAnnouncer? announcer = null, ResourceAdapters? adapters = null, HoldStore? holds = null, SelfApprovalGuard? selfApproval = null, Observability.OutcomeObserver? observer = null, Brakes.BrakeClicks? brakes = null)
{
    private readonly SelfApprovalGuard _self = selfApproval ?? SelfApprovalGuard.Unmapped;

    private readonly ResourceRemediation _resources = new(policies, state, new PipelineOptions(), clock);
    private readonly ResourceAdapters _adapters = adapters ?? ResourceAdapters.Default;

    /// <summary>Handles a click of <paramref name="kind"/> by <paramref name="userId"/> on the message about <paramref name="target"/>.</summary>
    /// <exception cref="Exception">A state-table failure; nothing was settled.</exception>
    public Task<ClickOutcome> HandleAsync(ClickKind kind, SlackActionValue target, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return kind switch
        {
            ClickKind.Undo => UndoAsync(target, userId, null, cancellationToken),
            ClickKind.Exempt => Task.FromResult(ClickOutcome.Refused($"{userId} clicked Exempt outside its modal", "An exemption needs a duration and a reason: use the Exempt button on the alert.")),
            ClickKind.ReleaseHeld or ClickKind.ResetBreaker => brakes is null
                ? Task.FromResult(ClickOutcome.Refused($"{kind} is not handled: the brakes' buttons are off", "This button is not handled by this deployment; nothing was changed."))
                : brakes.HandleAsync(kind, target, userId, MayActAsync, cancellationToken),
            _ => SettleAsync(kind, target, userId, cancellationToken),
        };
    }

    /// <summary>Marks every request that lapsed at or before <paramref name="now"/> expired and says how each message should read.</summary>
    public async Task<IReadOnlyList<ExpiredRequest>> ExpirePendingAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expired = new List<ExpiredRequest>();
        foreach (var stored in await state.ReadLapsedPendingAsync(now, cancellationToken))
        {
            if (await ExpireAsync(stored, now, cancellationToken) is { } update)
            {
                expired.Add(new ExpiredRequest(stored, update.Update));
            }
        }

        return expired;
    }

    private async Task<ClickOutcome> SettleAsync(ClickKind kind, SlackActionValue target, string userId, CancellationToken cancellationToken)
    {
        var verb = kind == ClickKind.Approve ? "approve" : "deny";
        var stored = await state.ReadPendingActionAsync(target.EventId, target.PolicyId, target.ResourceId, cancellationToken);
        if (stored is null)
        {
            return ClickOutcome.Refused($"no approval request for {target}", "OpsBot has no record of this approval request; nothing was changed.");
        }

        var policy = policies.Find(target.PolicyId);
        if (policy is null)
        {
            return ClickOutcome.Refused($"policy {target.PolicyId} is no longer loaded", $"Policy {SlackMarkdown.Code(target.PolicyId)} is no longer loaded, so nobody can {verb} this request.");
        }

        if (await MayActAsync(policy.Remediation.Approvers, userId, cancellationToken) is { Allowed: false } check)
        {
            return ClickOutcome.Refused(
                $"{userId} may not {verb}: not an approver of {policy.Id} (approvers: {string.Join(", ", policy.Remediation.Approvers)}){check.Problem}",
                $"You are not an approver of {SlackMarkdown.Code(policy.Id)}, so you cannot {verb} this request.");
        }

        if (stored.Status != PendingStatus.Pending)
        {
            return AlreadyHandled(stored);
        }

        if (kind == ClickKind.Approve && _self.OwnChange((await state.ReadAuditAsync(target.EventId, cancellationToken))?.Actor, userId) is { } own)
        {
            return SelfRefused(userId, "approve", own);
        }

        var now = clock.GetUtcNow();
        if (now >= stored.Action.ExpiresAt)
        {
            var expired = await ExpireAsync(stored, now, cancellationToken);
            return expired is null
                ? AlreadyHandled(await state.ReadPendingActionAsync(target.EventId, target.PolicyId, target.ResourceId, cancellationToken) ?? stored)
                : ClickOutcome.Refused(
                    $"{userId} tried to {verb} after the request expired at {Stamp(stored.Action.ExpiresAt)}",
                    $"This request expired {SlackMarkdown.Date(stored.Action.ExpiresAt)}; nothing was changed.",
                    expired.Update);
        }

        var to = kind == ClickKind.Approve ? PendingStatus.Approved : PendingStatus.Denied;
        if (!await state.TryMovePendingAsync(stored.Action, PendingStatus.Pending, to, userId, now, cancellationToken))
        {
            return AlreadyHandled(await state.ReadPendingActionAsync(target.EventId, target.PolicyId, target.ResourceId, cancellationToken) ?? stored);
        }

        return kind == ClickKind.Approve
            ? await ApproveAsync(stored.Action, policy, userId, now, cancellationToken)
            : await DenyAsync(stored.Action, policy, userId, now, cancellationToken);
    }

    private async Task<ClickOutcome> ApproveAsync(PendingAction pending, Policy policy, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        AuditDecision? remediated;
        string? gone = null;
        try
        {
            var adapter = AdapterFor(policy.Resource);
            var session = await sessions.MemberAsync(pending.Account, pending.Region, SessionPurpose.SlackInteraction(pending.EventId, userId), cancellationToken);
            var resource = await adapter.ReadAsync(session, pending.ResourceId, cancellationToken);
            remediated = resource is null ? null : await _resources.ApprovedAsync(adapter, session, resource, policy, pending.Revoke, cancellationToken);
            gone = resource is null ? $"{pending.ResourceId} no longer exists" : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Give the request back so an approver can try again once the cause is fixed.
            await state.TryMovePendingAsync(pending, PendingStatus.Approved, PendingStatus.Pending, null, now, CancellationToken.None);
            return new ClickOutcome(InteractionResult.Failed, $"approved by {userId}, but remediation failed: {ex.Message}; the request is pending again", null,
                $"Remediation failed: {SlackMarkdown.Escape(ex.Message)}. Nothing was settled; the request is still open.");
        }

        var (record, original) = await AuditedDecisionAsync(pending, cancellationToken);
        AuditDecision settled;
        ClickOutcome outcome;
        if (remediated is null)
        {
            var why = gone ?? "live state no longer has the approved rules open";
            settled = original with { Outcome = AuditOutcome.Skipped, Reason = $"approved by {userId} at {Stamp(now)}; {why}: nothing changed" };
            outcome = new ClickOutcome(InteractionResult.AlreadyCompliant, settled.Reason);
        }
        else
        {
            settled = remediated with { Reason = $"approved by {userId} at {Stamp(now)}: {remediated.Reason}", Explanation = original.Explanation };
            outcome = new ClickOutcome(remediated.Outcome == AuditOutcome.Failed ? InteractionResult.Failed : InteractionResult.Approved, settled.Reason);
        }

        var updated = await SettleAuditAsync(record, settled, cancellationToken);
        var kind = remediated is null ? SlackResultKind.AlreadyCompliant : remediated.Outcome == AuditOutcome.Failed ? SlackResultKind.Failed : SlackResultKind.Approved;
        var facts = SlackAlertFacts.From(updated, settled, policy);
        return outcome with { Update = new SlackResultUpdate(kind, facts, now, userId, kind == SlackResultKind.Approved ? null : settled.Reason, OfferUndo: kind == SlackResultKind.Approved) };
    }

    private async Task<ClickOutcome> DenyAsync(PendingAction pending, Policy policy, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (record, original) = await AuditedDecisionAsync(pending, cancellationToken);
        var settled = original with { Outcome = AuditOutcome.Denied, Reason = $"denied by {userId} at {Stamp(now)}: nothing changed" };
        var updated = await SettleAuditAsync(record, settled, cancellationToken);
        return new ClickOutcome(InteractionResult.Denied, settled.Reason, new SlackResultUpdate(SlackResultKind.Denied, SlackAlertFacts.From(updated, settled, policy), now, userId));
    }

    private IResourceAdapter AdapterFor(string resourceType) =>
        _adapters.Find(resourceType) ?? throw new InvalidOperationException($"no resource adapter is deployed for {resourceType}");

    private async Task<ExpiredRequest?> ExpireAsync(StoredPendingAction stored, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await state.TryMovePendingAsync(stored.Action, PendingStatus.Pending, PendingStatus.Expired, null, now, cancellationToken))
        {
            return null;
        }

        var (record, original) = await AuditedDecisionAsync(stored.Action, cancellationToken);
        var settled = original with { Outcome = AuditOutcome.Expired, Reason = $"expired at {Stamp(stored.Action.ExpiresAt)} without an answer: nothing changed" };
        var updated = await SettleAuditAsync(record, settled, cancellationToken);
        var policy = policies.Find(stored.Action.PolicyId);
        return new ExpiredRequest(stored, policy is null ? null : new SlackResultUpdate(SlackResultKind.Expired, SlackAlertFacts.From(updated, settled, policy), stored.Action.ExpiresAt));
    }

    private async Task<(AuditRecord Record, AuditDecision Decision)> AuditedDecisionAsync(PendingAction pending, CancellationToken cancellationToken)
    {
        var record = await state.ReadAuditAsync(pending.EventId, cancellationToken)
            ?? new AuditRecord { EventId = pending.EventId, RecordedAt = pending.RequestedAt, Account = pending.Account, Region = pending.Region, Outcome = AuditOutcome.PendingApproval };
        var decision = record.Decisions.FirstOrDefault(d => d.PolicyId == pending.PolicyId && d.ResourceId == pending.ResourceId)
            ?? new AuditDecision(pending.PolicyId, "", "", pending.ResourceId, "approve", AuditOutcome.PendingApproval, "", pending.Revoke, [], null, []);
        return (record, decision);
    }

    private async Task<AuditRecord> SettleAuditAsync(AuditRecord record, AuditDecision settled, CancellationToken cancellationToken)
    {
        var updated = AuditOutcomes.Settle(record, settled, settled.Reason);
        if (!updated.Decisions.Contains(settled))
        {
            updated = updated with { Decisions = [.. updated.Decisions, settled], Outcome = AuditOutcomes.MostSignificant([.. updated.Decisions.Select(d => d.Outcome), settled.Outcome]) };
        }

        await state.WriteAuditAsync(updated, cancellationToken);
        observer?.Settled(updated, settled);

        // SNS subscribers and the bus learn how the request ended; the Slack message itself is
        // updated by the caller, so no new Slack alert is posted.
        // A round per settlement, so its announcements are owed and sent once whatever else the event saw.
        var round = $"{settled.Outcome.ToString().ToLowerInvariant()}:{settled.PolicyId}:{settled.ResourceId}";
        return announcer is null ? updated : (await announcer.AnnounceAsync(updated, [settled], round, null, cancellationToken)).Record;
    }

    /// <summary>The users who may undo any remediation, besides each policy's approvers.</summary>
    internal IReadOnlyList<string> UndoUsers => undoUsers;

    private static ClickOutcome SelfRefused(string userId, string verb, string own) => ClickOutcome.Refused(
        $"{userId} may not {verb} their own change: {own}",
        $"You made this change, so you cannot {verb} it yourself ({SlackMarkdown.Escape(own)}). Ask another approver.");

    private static ClickOutcome AlreadyHandled(StoredPendingAction stored)
    {
        var status = stored.Status.ToString().ToLowerInvariant();
        return stored.HandledBy is { } by
            ? ClickOutcome.Refused($"already handled by {by}: {status}", $"Already handled by {SlackMarkdown.Mention(by)}: {status}.")
            : ClickOutcome.Refused($"already {status}", $"This request is already {status}; nothing was changed.");
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>True when <paramref name="userId"/> is one of <paramref name="allowed"/> (user groups expanded now); the problem says why a group could not be read.</summary>
    /// <remarks>Named users match directly; user groups are read now. A group that cannot be read matches nobody, and the refusal carries the reason.</remarks>
    internal async Task<(bool Allowed, string Problem)> MayActAsync(IReadOnlyList<string> allowed, string userId, CancellationToken cancellationToken)
    {
        if (allowed.Contains(userId, StringComparer.Ordinal))
        {
            return (true, "");
        }

        var problems = new List<string>();
        foreach (var group in allowed.Where(a => a.StartsWith('S')))
        {
            if (userGroups is null)
            {
                problems.Add($"user group {group} is not expanded without Slack");
                continue;
            }

            try
            {
                if ((await userGroups.MembersAsync(group, cancellationToken)).Contains(userId, StringComparer.Ordinal))
                {
                    return (true, "");
                }
            }
            catch (SlackApiException ex)
            {
                problems.Add($"user group {group} could not be read ({ex.ErrorCode})");
            }
        }

        return (false, problems.Count == 0 ? "" : "; " + string.Join("; ", problems));
    }
}
