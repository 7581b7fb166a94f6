using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Functions.Brakes;
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
/// action; <see cref="ApprovedAsync"/> runs it on live state when a human approves. Every automatic
/// remediation asks the brakes first (<see cref="RemediationBrakes"/>), which may hold it or send it to approval.
/// </summary>
internal sealed class ResourceRemediation(PolicySet policies, IStateStore state, PipelineOptions options, TimeProvider clock, RemediationBrakes? brakes = null)
{
    private readonly PolicyEvaluator _evaluator = new(policies);

    public async Task<IReadOnlyList<AuditDecision>> RemediateAsync(CloudTrailEvent cloudTrailEvent, IResourceAdapter adapter, MemberSession session, object resource, ResourceEvaluation evaluation, CancellationToken cancellationToken)
    {
        var planned = new List<(PolicyDecision Decision, RemediationMode Mode, RemediationPlan? Plan, BrakeVerdict? Brake)>();
        foreach (var d in evaluation.Decisions)
        {
            var mode = options.ForceNotify ? RemediationMode.Notify : d.Mode;
            var plan = PlanOf(d);
            var brake = brakes is not null && mode == RemediationMode.Enforce && plan is { IsRunnable: true }
                ? await brakes.CheckAsync(cloudTrailEvent, d, resource, cancellationToken)
                : null;
            planned.Add((d, brake?.Mode ?? mode, plan, brake));
        }

        var enforced = planned.Where(p => p.Mode == RemediationMode.Enforce && p.Plan is { IsRunnable: true }).Select(p => (p.Decision, Change: adapter.Describe(resource, p.Plan!))).ToList();
        if (enforced.Count > 0)
        {
            await state.WriteAuditAsync(Interrupted(cloudTrailEvent, enforced), cancellationToken);
        }

        // Two policies may plan the same change (two public statements, one block): it is made once.
        foreach (var change in enforced.Select(e => e.Change).DistinctBy(c => (c.Action, c.Summary)))
        {
            await adapter.ApplyAsync(session, change, cancellationToken);
        }

        var after = enforced.Count > 0 ? await adapter.ReadAsync(session, evaluation.ResourceId, cancellationToken) : null;
        var results = new List<AuditDecision>(planned.Count);
        foreach (var (decision, mode, plan, brake) in planned)
        {
            if (brake is { IsHeld: true })
            {
                results.Add(Decision(decision, brake.Mode, brake.Outcome!.Value, brake.Reason, null, null));
                continue;
            }

            if (mode == RemediationMode.Enforce && plan is { IsRunnable: true })
            {
                results.Add(await VerifiedAsync(decision, enforced.First(e => ReferenceEquals(e.Decision, decision)).Change, after));
                continue;
            }

            var what = plan is null ? "no action is configured" : adapter.Describe(resource, plan).Summary;
            results.Add(mode switch
            {
                RemediationMode.Enforce => Decision(decision, mode, AuditOutcome.Notified, $"not enforced, held for a human: {plan!.BlockedReason}", null, null),
                RemediationMode.Approve when plan is not null => await PendingAsync(cloudTrailEvent, decision, plan, brake is null ? what : $"{what}; {brake.Reason}", cancellationToken),
                _ => Decision(decision, mode, AuditOutcome.Notified, options.ForceNotify && decision.Mode != RemediationMode.Notify
                    ? $"notify only (forced; the policy says {Lower(decision.Mode)}): would {what}"
                    : brake is null ? $"notify only: would {what}" : $"notify only: would {what}; {brake.Reason}", null, null),
            });
        }

        return results;
    }

    /// <summary>
    /// Runs an approved remediation on the resource's live state: the policy is evaluated again and,
    /// when it still matches, its plan is made and verified as in enforce mode. Null when it no longer matches.
    /// </summary>
    public async Task<AuditDecision?> ApprovedAsync(IResourceAdapter adapter, MemberSession session, object resource, Policy policy, CancellationToken cancellationToken)
    {
        var live = (await _evaluator.EvaluateAsync(resource, [policy])).Decisions.FirstOrDefault(d => d.Policy.Id == policy.Id);
        if (live is null || PlanOf(live) is not { } plan)
        {
            return null;
        }

        // A human approved it, so a plan held back for enforce mode runs.
        var change = adapter.Describe(resource, plan);
        await adapter.ApplyAsync(session, change, cancellationToken);
        var verified = await VerifiedAsync(live, change, await adapter.ReadAsync(session, live.ResourceId, cancellationToken));
        return verified with { Mode = Lower(RemediationMode.Approve) };
    }

    private RemediationPlan? PlanOf(PolicyDecision decision) =>
        policies.Actions.Find(decision.Action) is { } action ? action.Plan(decision)
        : decision.Mode == RemediationMode.Notify || decision.Action.Length == 0 ? null
        : throw new InvalidOperationException($"policy {decision.Policy.Id} names unknown action '{decision.Action}'");

    private async Task<AuditDecision> VerifiedAsync(PolicyDecision decision, ResourceChange change, object? after)
    {
        bool? compliant = after is null || (await _evaluator.EvaluateAsync(after, [decision.Policy])).IsCompliant;
        var reason = $"{change.Summary}" + (compliant == false ? "; STILL NOT COMPLIANT after the change: the policy matches the resource's current state" : "; compliant now");
        return Decision(decision, RemediationMode.Enforce, compliant == false ? AuditOutcome.Failed : AuditOutcome.Remediated, reason, [change], compliant);
    }

    private async Task<AuditDecision> PendingAsync(CloudTrailEvent cloudTrailEvent, PolicyDecision decision, RemediationPlan plan, string what, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var remediation = decision.Policy.Remediation;
        await state.SavePendingAsync(new PendingAction(cloudTrailEvent.Id, decision.Policy.Id, cloudTrailEvent.Account, cloudTrailEvent.Region, decision.ResourceId, plan.Action, [], remediation.Approvers, now, now + remediation.Expires), cancellationToken);
        return Decision(decision, RemediationMode.Approve, AuditOutcome.PendingApproval, $"approval requested from {string.Join(", ", remediation.Approvers)} until {now + remediation.Expires:u}: {what}", null, null);
    }

    private AuditRecord Interrupted(CloudTrailEvent cloudTrailEvent, IEnumerable<(PolicyDecision Decision, ResourceChange Change)> changes) => new()
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
        Decisions = [.. changes.Select(c => Decision(c.Decision, RemediationMode.Enforce, AuditOutcome.Failed, InterruptedReason, [c.Change], null))],
    };

    /// <summary>The reason of a record whose attempt was interrupted while changing the resource.</summary>
    internal const string InterruptedReason = "interrupted while changing the resource: these changes were being made when the attempt stopped; check the resource and restore from this record if needed";

    private static AuditDecision Decision(PolicyDecision decision, RemediationMode mode, AuditOutcome outcome, string reason, IReadOnlyList<ResourceChange>? changes, bool? compliantAfter) => new(
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

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
