using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Functions.Brakes;
using OpsBot.Functions.Holds;
using OpsBot.Functions.Resources;
using OpsBot.Functions.State;
using OpsBot.Rules.Actions;
using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Events;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Pipeline;

/// <summary>
/// Acts on one resource's evaluation for every resource type with an <see cref="IResourceAdapter"/>:
/// by mode (the forced-notify switch overrides every policy), each enforced plan becomes one change
/// that carries the state it replaces, written into a provisional record before it is made; then the
/// resource is read again to verify each enforced policy now holds. Approve mode records a pending
/// action; <see cref="ApprovedAsync"/> runs it on live state when a human approves. For an
/// <see cref="IRuleRevokingAdapter"/> (security groups) the enforced plans' rules are revoked as one
/// union, each rule once and credited to every policy that planned it, and the audit keeps the rules.
/// Every automatic remediation asks the brakes first (<see cref="RemediationBrakes"/>), which may hold it or send it to approval.
/// </summary>
/// Elements a live suppression or exemption holds (<see cref="HoldCheck"/>) are taken out first: a decision held whole is recorded as notified, with the hold in its reason.
internal sealed class ResourceRemediation(PolicySet policies, IStateStore state, PipelineOptions options, TimeProvider clock, RemediationBrakes? brakes = null, HoldStore? holds = null)
{
    private readonly PolicyEvaluator _evaluator = new(policies);

    public async Task<IReadOnlyList<AuditDecision>> RemediateAsync(CloudTrailEvent cloudTrailEvent, IResourceAdapter adapter, MemberSession session, object resource, ResourceEvaluation evaluation, CancellationToken cancellationToken, (string ResourceId, Task<IReadOnlyList<ResourceHold>> Read)? prefetchedHolds = null)
    {
        var planned = new List<(PolicyDecision Decision, RemediationMode Mode, RemediationPlan? Plan, BrakeVerdict? Brake)>();
        IReadOnlyList<ResourceHold> live = holds is null || evaluation.Decisions.Count == 0 ? []
            : prefetchedHolds is { } early && early.ResourceId == evaluation.ResourceId ? await early.Read
            : await holds.ReadAsync(cloudTrailEvent.Account, cloudTrailEvent.Region, evaluation.ResourceId, cancellationToken);
        var held = new List<AuditDecision>();
        var notes = new Dictionary<PolicyDecision, string>(ReferenceEqualityComparer.Instance);
        foreach (var original in evaluation.Decisions)
        {
            var (remaining, holdReason) = HoldCheck.Apply(original, adapter, live, clock.GetUtcNow());
            if (remaining is null)
            {
                held.Add(Decision(adapter, original, RemediationMode.Notify, AuditOutcome.Notified, holdReason, null, null, null));
                continue;
            }

            var d = remaining;
            if (holdReason.Length > 0)
            {
                notes[d] = holdReason;
            }

            var mode = options.ForceNotify ? RemediationMode.Notify : d.Mode;
            var plan = PlanOf(d);
            var brake = brakes is not null && mode == RemediationMode.Enforce && plan is { IsRunnable: true }
                ? await brakes.CheckAsync(cloudTrailEvent, d, resource, cancellationToken)
                : null;
            planned.Add((d, brake?.Mode ?? mode, plan, brake));
        }

        var enforced = planned.Where(p => p.Mode == RemediationMode.Enforce && p.Plan is { IsRunnable: true }).Select(p => (p.Decision, Plan: p.Plan!, Change: adapter.Describe(resource, p.Plan!))).ToList();
        if (enforced.Count > 0)
        {
            await state.WriteAuditAsync(Interrupted(cloudTrailEvent, adapter, enforced.Select(e => (e.Decision, e.Plan, e.Change))), cancellationToken);
        }

        var revoked = adapter is IRuleRevokingAdapter rules
            ? await RevokeOnceAsync(rules, session, evaluation.ResourceId, enforced.SelectMany(e => e.Plan.Elements), cancellationToken)
            : null;
        if (revoked is null)
        {
            // Two policies may plan the same change (two public statements, one block): it is made once.
            foreach (var change in enforced.Select(e => e.Change).DistinctBy(c => (c.Action, c.Summary)))
            {
                await adapter.ApplyAsync(session, change, cancellationToken);
            }
        }

        var after = enforced.Any(e => Verifies(adapter, e.Decision.Policy)) ? await adapter.ReadAsync(session, evaluation.ResourceId, cancellationToken) : null;
        var results = new List<AuditDecision>(planned.Count);
        foreach (var (decision, mode, plan, brake) in planned)
        {
            if (brake is { IsHeld: true })
            {
                results.Add(Decision(adapter, decision, brake.Mode, brake.Outcome!.Value, brake.Reason, null, null, null) with
                {
                    HeldBatch = brake.Outcome == AuditOutcome.Notified ? brake.HeldBatch : null,
                    BreakerTrippedAt = brake.BreakerTrippedAt,
                });
                continue;
            }

            if (mode == RemediationMode.Enforce && plan is { IsRunnable: true })
            {
                var made = enforced.First(e => ReferenceEquals(e.Decision, decision));
                results.Add(await VerifiedAsync(adapter, decision, made.Plan, made.Change, revoked, after, live));
                continue;
            }

            var what = plan is null ? "no action is configured" : adapter.Describe(resource, plan).Summary;
            results.Add(mode switch
            {
                RemediationMode.Enforce => Decision(adapter, decision, mode, AuditOutcome.Notified, $"not enforced, held for a human: {plan!.BlockedReason}", null, null, null),
                RemediationMode.Approve when plan is not null => await PendingAsync(cloudTrailEvent, adapter, decision, plan, brake is null ? what : $"{what}; {brake.Reason}", cancellationToken),
                _ => Decision(adapter, decision, mode, AuditOutcome.Notified, options.ForceNotify && decision.Mode != RemediationMode.Notify
                    ? $"notify only (forced; the policy says {Lower(decision.Mode)}): {Would(adapter, plan, what)}"
                    : brake is null ? $"notify only: {Would(adapter, plan, what)}" : $"notify only: {Would(adapter, plan, what)}; {brake.Reason}", null, null, null),
            });
        }

        results = [.. results.Select((r, i) => notes.TryGetValue(planned[i].Decision, out var note) ? r with { Reason = $"{r.Reason}; {note}" } : r)];
        results.AddRange(held);
        return results;
    }

    /// <summary>
    /// Runs an approved remediation on the resource's live state: the policy is evaluated again and,
    /// when it still matches, its plan is made and verified as in enforce mode. For rules, only those
    /// that still match AND were in the approved request (<paramref name="approved"/>) are revoked.
    /// Null when nothing approved still matches.
    /// </summary>
    public async Task<AuditDecision?> ApprovedAsync(IResourceAdapter adapter, MemberSession session, object resource, Policy policy, IReadOnlyList<AuditPermission> approved, CancellationToken cancellationToken)
    {
        var live = (await _evaluator.EvaluateAsync(resource, [policy])).Decisions.FirstOrDefault(d => d.Policy.Id == policy.Id);
        if (live is not null && adapter is IRuleRevokingAdapter rules)
        {
            var still = live.Elements.Where(e => approved.Any(a => a.IsSameRule(rules.Audit(e)))).ToList();
            live = still.Count == 0 ? null : live with { Elements = still };
        }

        if (live is null || PlanOf(live) is not { } plan)
        {
            return null;
        }

        // A human approved it, so a plan held back for enforce mode (too many rules) runs.
        var change = adapter.Describe(resource, plan);
        var revoked = adapter is IRuleRevokingAdapter revoking ? await RevokeOnceAsync(revoking, session, live.ResourceId, plan.Elements, cancellationToken) : null;
        if (revoked is null)
        {
            await adapter.ApplyAsync(session, change, cancellationToken);
        }

        var after = Verifies(adapter, policy) ? await adapter.ReadAsync(session, live.ResourceId, cancellationToken) : null;
        var verified = await VerifiedAsync(adapter, live, plan, change, revoked, after);
        return verified with { Mode = Lower(RemediationMode.Approve) };
    }

    private RemediationPlan? PlanOf(PolicyDecision decision) =>
        policies.Actions.Find(decision.Action) is { } action ? action.Plan(decision)
        : decision.Mode == RemediationMode.Notify || decision.Action.Length == 0 ? null
        : throw new InvalidOperationException($"policy {decision.Policy.Id} names unknown action '{decision.Action}'");

    private static async Task<Dictionary<string, AuditPermission>> RevokeOnceAsync(IRuleRevokingAdapter rules, MemberSession session, string resourceId, IEnumerable<object> elements, CancellationToken cancellationToken)
    {
        // Several policies may match the same rule; it is revoked once and credited to each.
        var unique = elements.GroupBy(e => Key(rules.Audit(e))).Select(g => g.First()).ToList();
        if (unique.Count == 0)
        {
            return [];
        }

        return (await rules.RevokeAsync(session, resourceId, unique, cancellationToken)).ToDictionary(Key);
    }

    // Compliant after the change: nothing the policy matches is left, but what a live hold keeps open.
    private async Task<AuditDecision> VerifiedAsync(IResourceAdapter adapter, PolicyDecision decision, RemediationPlan plan, ResourceChange change, Dictionary<string, AuditPermission>? revoked, object? after, IReadOnlyList<ResourceHold>? held = null)
    {
        bool? compliant = null;
        if (Verifies(adapter, decision.Policy))
        {
            var still = after is null ? null : (await _evaluator.EvaluateAsync(after, [decision.Policy])).Decisions.FirstOrDefault(d => d.Policy.Id == decision.Policy.Id);
            compliant = still is null || HoldCheck.Apply(still, adapter, held ?? [], clock.GetUtcNow()).Remaining is null;
        }

        if (adapter is IRuleRevokingAdapter rules && revoked is not null)
        {
            var mine = plan.Elements.Select(e => revoked[Key(rules.Audit(e))]).ToList();
            var gone = mine.Count(m => m.Unconfirmed);
            var revokedReason = $"revoked {mine.Count} rule(s)" + (gone > 0 ? $", {gone} unconfirmed (EC2 reported them gone: a retried revoke or a change by someone else)" : "")
                + (compliant == false ? "; STILL NOT COMPLIANT after revoking: the policy matches the group's current rules" : compliant == true ? "; compliant now" : "");
            return Decision(adapter, decision, RemediationMode.Enforce, compliant == false ? AuditOutcome.Failed : AuditOutcome.Remediated, revokedReason, null, mine, compliant);
        }

        var reason = $"{change.Summary}" + (compliant == false ? "; STILL NOT COMPLIANT after the change: the policy matches the resource's current state" : "; compliant now");
        return Decision(adapter, decision, RemediationMode.Enforce, compliant == false ? AuditOutcome.Failed : AuditOutcome.Remediated, reason, [change], null, compliant);
    }

    private async Task<AuditDecision> PendingAsync(CloudTrailEvent cloudTrailEvent, IResourceAdapter adapter, PolicyDecision decision, RemediationPlan plan, string what, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var remediation = decision.Policy.Remediation;
        var rules = adapter is IRuleRevokingAdapter revoking ? plan.Elements.Select(revoking.Audit).ToList() : null;
        await state.SavePendingAsync(new PendingAction(cloudTrailEvent.Id, decision.Policy.Id, cloudTrailEvent.Account, cloudTrailEvent.Region, decision.ResourceId, plan.Action, rules ?? [], remediation.Approvers, now, now + remediation.Expires), cancellationToken);
        return Decision(adapter, decision, RemediationMode.Approve, AuditOutcome.PendingApproval, $"approval requested from {string.Join(", ", remediation.Approvers)} until {now + remediation.Expires:u}: {(rules is null ? what : $"{rules.Count} rule(s) to revoke")}", null, null, null);
    }

    private AuditRecord Interrupted(CloudTrailEvent cloudTrailEvent, IResourceAdapter adapter, IEnumerable<(PolicyDecision Decision, RemediationPlan Plan, ResourceChange Change)> changes)
    {
        var rules = adapter as IRuleRevokingAdapter;
        var reason = rules is null ? InterruptedReason : InterruptedRevokeReason;
        return new()
        {
            EventId = cloudTrailEvent.Id,
            RecordedAt = clock.GetUtcNow(),
            EventTime = cloudTrailEvent.Time,
            Account = cloudTrailEvent.Account,
            Region = cloudTrailEvent.Region,
            EventName = cloudTrailEvent.EventName,
            Actor = AuditActor.From(cloudTrailEvent.Actor),
            Outcome = AuditOutcome.Failed,
            Reason = reason,
            Provisional = true,
            Decisions = [.. changes.Select(c => rules is null
                ? Decision(adapter, c.Decision, RemediationMode.Enforce, AuditOutcome.Failed, reason, [c.Change], null, null)
                : Decision(adapter, c.Decision, RemediationMode.Enforce, AuditOutcome.Failed, reason, null, [.. c.Plan.Elements.Select(rules.Audit)], null))],
        };
    }

    /// <summary>The reason of a record whose attempt was interrupted while changing the resource.</summary>
    internal const string InterruptedReason = "interrupted while changing the resource: these changes were being made when the attempt stopped; check the resource and restore from this record if needed";

    /// <summary>The reason of a record whose attempt was interrupted while revoking rules.</summary>
    internal const string InterruptedRevokeReason = "interrupted while revoking: these rules were being revoked when the attempt stopped; check the group and restore from this record if needed";

    // Rules keep their own audit shape (Matched and Revoked) so records, alerts and undo read as before.
    private static AuditDecision Decision(IResourceAdapter adapter, PolicyDecision decision, RemediationMode mode, AuditOutcome outcome, string reason, IReadOnlyList<ResourceChange>? changes, IReadOnlyList<AuditPermission>? revoked, bool? compliantAfter) => adapter is IRuleRevokingAdapter rules
        ? new(decision.Policy.Id, decision.Policy.SourceHash, Lower(decision.Policy.Severity), decision.ResourceId, Lower(mode), outcome, reason, [.. decision.Elements.Select(rules.Audit)], revoked ?? [], compliantAfter, decision.Explanation)
        : new(
        decision.Policy.Id,
        decision.Policy.SourceHash,
        Lower(decision.Policy.Severity),
        decision.ResourceId,
        Lower(mode),
        outcome,
        reason,
        [],
        [],
        compliantAfter,
        decision.Explanation,
        changes,
        [.. decision.Elements.Select(e => e.ToString() ?? "")]);

    private static string Would(IResourceAdapter adapter, RemediationPlan? plan, string what) =>
        adapter is IRuleRevokingAdapter ? $"{plan?.Elements.Count ?? 0} rule(s) would be revoked" : $"would {what}";

    private static bool Verifies(IResourceAdapter adapter, Policy policy) => adapter is not IRuleRevokingAdapter rules || rules.Verifies(policy);

    private static string Key(AuditPermission rule) => rule.RuleId ?? rule.ToString();

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
