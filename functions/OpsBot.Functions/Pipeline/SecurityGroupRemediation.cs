using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Ec2;
using OpsBot.Functions.State;
using OpsBot.Rules.Actions;
using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Events;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Resources;

namespace OpsBot.Functions.Pipeline;

/// <summary>
/// Acts on one security group's evaluation: by mode (the forced-notify switch overrides every
/// policy), revoking the union of what the enforced plans matched exactly once, recording pending
/// actions for approval, then re-reading the group to verify each enforced policy now holds.
/// </summary>
internal sealed class SecurityGroupRemediation(PolicySet policies, IStateStore state, PipelineOptions options, TimeProvider clock)
{
    private readonly PolicyEvaluator _evaluator = new(policies);

    public async Task<IReadOnlyList<AuditDecision>> RemediateAsync(CloudTrailEvent cloudTrailEvent, ISecurityGroupClient groups, SecurityGroupFact group, ResourceEvaluation evaluation, CancellationToken cancellationToken)
    {
        var planned = new List<(PolicyDecision Decision, RemediationMode Mode, RemediationPlan Plan)>();
        foreach (var decision in evaluation.Decisions)
        {
            // A notify-only policy may name no action: nothing would be revoked.
            var plan = policies.Actions.Find(decision.Action) is { } action ? action.Plan(decision)
                : decision.Mode == RemediationMode.Notify || decision.Action.Length == 0 ? new RemediationPlan("", decision.ResourceId, [])
                : throw new InvalidOperationException($"policy {decision.Policy.Id} names unknown action '{decision.Action}'");
            planned.Add((decision, options.ForceNotify ? RemediationMode.Notify : decision.Mode, plan));
        }

        var toRevoke = planned.Where(p => p.Mode == RemediationMode.Enforce && p.Plan.IsRunnable).ToList();
        if (toRevoke.Count > 0)
        {
            await state.WriteAuditAsync(Interrupted(cloudTrailEvent, toRevoke.Select(p => (p.Decision, p.Plan))), cancellationToken);
        }

        var revoked = await RevokeOnceAsync(groups, group.GroupId, toRevoke.SelectMany(p => p.Plan.Revoke), cancellationToken);
        var after = toRevoke.Count > 0 && toRevoke.Any(p => ShouldVerify(p.Decision.Policy))
            ? await groups.ReadAsync(new ResourceReference(SecurityGroupResourceType.TypeName, group.GroupId), cancellationToken)
            : null;

        var results = new List<AuditDecision>(planned.Count);
        foreach (var (decision, mode, plan) in planned)
        {
            results.Add(mode switch
            {
                RemediationMode.Enforce when plan.IsRunnable => await EnforcedAsync(decision, plan, revoked, after, cancellationToken),
                RemediationMode.Enforce => Decision(decision, mode, AuditOutcome.Notified, $"not enforced, held for a human: {plan.BlockedReason}", [], null),
                RemediationMode.Approve => await PendingAsync(cloudTrailEvent, decision, plan, cancellationToken),
                _ => Decision(decision, mode, AuditOutcome.Notified, options.ForceNotify && decision.Mode != RemediationMode.Notify
                    ? $"notify only (forced; the policy says {Lower(decision.Mode)}): {plan.Revoke.Count} rule(s) would be revoked"
                    : $"notify only: {plan.Revoke.Count} rule(s) would be revoked", [], null),
            });
        }

        return results;
    }

    /// <summary>
    /// Runs an approved remediation on the group's live state: the policy is evaluated again and only
    /// the elements that still match AND were in the approved request are revoked, then verified as in
    /// enforce mode. Null when nothing approved still matches (the group already complies).
    /// </summary>
    public async Task<AuditDecision?> ApprovedAsync(ISecurityGroupClient groups, SecurityGroupFact group, Policy policy, IReadOnlyList<AuditPermission> approved, CancellationToken cancellationToken)
    {
        var evaluation = await _evaluator.EvaluateAsync(group, [policy]);
        var live = evaluation.Decisions.FirstOrDefault(d => d.Policy.Id == policy.Id);
        if (live is null)
        {
            return null;
        }

        var wanted = approved.Select(a => a.ToFact()).ToList();
        var matches = live.Matches.Where(m => wanted.Any(w => SameRule(w, m))).ToList();
        if (matches.Count == 0)
        {
            return null;
        }

        var decision = live with { Matches = matches };
        var action = policies.Actions.Find(decision.Action)
            ?? throw new InvalidOperationException($"policy {policy.Id} names unknown action '{decision.Action}'");

        // A human approved exactly these rules, so a plan held back for enforce mode (too many rules) runs.
        var plan = action.Plan(decision);
        var revoked = await RevokeOnceAsync(groups, group.GroupId, plan.Revoke, cancellationToken);
        var after = ShouldVerify(policy) ? await groups.ReadAsync(new ResourceReference(SecurityGroupResourceType.TypeName, group.GroupId), cancellationToken) : null;
        var enforced = await EnforcedAsync(decision, plan, revoked, after, cancellationToken);
        return enforced with { Mode = Lower(RemediationMode.Approve) };
    }

    private static bool SameRule(PermissionFact approved, PermissionFact live) =>
        approved.RuleId is not null && live.RuleId is not null
            ? approved.RuleId == live.RuleId
            : approved.Direction == live.Direction && approved.Protocol == live.Protocol && approved.FromPort == live.FromPort
              && approved.ToPort == live.ToPort && approved.SourceKind == live.SourceKind && approved.Source == live.Source;

    private static async Task<Dictionary<string, RevokedPermission>> RevokeOnceAsync(ISecurityGroupClient groups, string groupId, IEnumerable<PermissionFact> elements, CancellationToken cancellationToken)
    {
        // Several policies may match the same rule; it is revoked once and credited to each.
        var unique = elements.GroupBy(Key).Select(g => g.First()).ToList();
        if (unique.Count == 0)
        {
            return [];
        }

        var results = await groups.RevokeAsync(groupId, unique, cancellationToken);
        return results.ToDictionary(r => Key(r.Permission));
    }

    private async Task<AuditDecision> EnforcedAsync(PolicyDecision decision, RemediationPlan plan, Dictionary<string, RevokedPermission> revoked, SecurityGroupFact? after, CancellationToken cancellationToken)
    {
        var mine = plan.Revoke.Select(p => revoked[Key(p)]).Select(r => AuditPermission.From(r.Permission, r.Unconfirmed)).ToList();
        bool? compliant = null;
        if (ShouldVerify(decision.Policy))
        {
            compliant = after is null || (await _evaluator.EvaluateAsync(after, [decision.Policy])).IsCompliant;
        }

        var gone = mine.Count(m => m.Unconfirmed);
        var reason = $"revoked {mine.Count} rule(s)" + (gone > 0 ? $", {gone} unconfirmed (EC2 reported them gone: a retried revoke or a change by someone else)" : "")
            + (compliant == false ? "; STILL NOT COMPLIANT after revoking: the policy matches the group's current rules" : compliant == true ? "; compliant now" : "");
        return Decision(decision, RemediationMode.Enforce, compliant == false ? AuditOutcome.Failed : AuditOutcome.Remediated, reason, mine, compliant);
    }

    private async Task<AuditDecision> PendingAsync(CloudTrailEvent cloudTrailEvent, PolicyDecision decision, RemediationPlan plan, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var remediation = decision.Policy.Remediation;
        await state.SavePendingAsync(new PendingAction(
            cloudTrailEvent.Id,
            decision.Policy.Id,
            cloudTrailEvent.Account,
            cloudTrailEvent.Region,
            decision.ResourceId,
            plan.Action,
            [.. plan.Revoke.Select(p => AuditPermission.From(p))],
            remediation.Approvers,
            now,
            now + remediation.Expires), cancellationToken);
        return Decision(decision, RemediationMode.Approve, AuditOutcome.PendingApproval, $"approval requested from {string.Join(", ", remediation.Approvers)} until {now + remediation.Expires:u}: {plan.Revoke.Count} rule(s) to revoke", [], null);
    }

    /// <summary>
    /// The record written just before revoking: what is about to be removed, enough to restore it.
    /// The final record replaces it; it survives only when the attempt dies between the revoke and the
    /// final write, and a redelivery then keeps it (see <see cref="RemediationPipeline"/>).
    /// </summary>
    private AuditRecord Interrupted(CloudTrailEvent cloudTrailEvent, IEnumerable<(PolicyDecision Decision, RemediationPlan Plan)> plans) => new()
    {
        EventId = cloudTrailEvent.Id,
        RecordedAt = clock.GetUtcNow(),
        EventTime = cloudTrailEvent.Time,
        Account = cloudTrailEvent.Account,
        Region = cloudTrailEvent.Region,
        EventName = cloudTrailEvent.EventName,
        Actor = AuditActor.From(cloudTrailEvent.Actor),
        Outcome = AuditOutcome.Failed,
        Reason = InterruptedReason,
        Provisional = true,
        Decisions = [.. plans.Select(p => Decision(p.Decision, RemediationMode.Enforce, AuditOutcome.Failed, InterruptedReason, [.. p.Plan.Revoke.Select(r => AuditPermission.From(r))], null))],
    };

    /// <summary>The reason of a record whose attempt was interrupted while revoking.</summary>
    internal const string InterruptedReason = "interrupted while revoking: these rules were being revoked when the attempt stopped; check the group and restore from this record if needed";

    private static AuditDecision Decision(PolicyDecision decision, RemediationMode mode, AuditOutcome outcome, string reason, IReadOnlyList<AuditPermission> revoked, bool? compliantAfter) => new(
        decision.Policy.Id,
        decision.Policy.SourceHash,
        Lower(decision.Policy.Severity),
        decision.ResourceId,
        Lower(mode),
        outcome,
        reason,
        [.. decision.Matches.Select(m => AuditPermission.From(m))],
        revoked,
        compliantAfter,
        decision.Explanation);

    private static bool ShouldVerify(Policy policy) => policy.Remediation.Options is not RevokeMatchedPermissionsOptions { Verify: false };

    private static string Key(PermissionFact permission) => permission.RuleId ?? permission.ToString();

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
