using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.EventBridge;
using OpsBot.Functions.Aws.Sns;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Functions.Outbox;
using OpsBot.Functions.Resources;
using OpsBot.Functions.Slack.Alerts;
using OpsBot.Functions.State;
using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Events;
using OpsBot.Rules.Resources;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Pipeline;

/// <summary>
/// The one code path from a CloudTrail event to its outcome, shared by the Lambda handler, the
/// local queue runner and the demo: parse -> claim the event id (duplicates stop here) -> triage ->
/// session in the event's account -> read live state -> evaluate -> act by mode -> verify -> audit ->
/// alert -> result event.
/// </summary>
/// <remarks>
/// Errors that a retry cannot fix (a malformed event, a policy whose condition throws) end as an
/// audit record (<see cref="AuditOutcome.Rejected"/> or <see cref="AuditOutcome.Failed"/>). Any other
/// exception (an AWS call failing) gives the claim back and propagates, so the message is delivered
/// again; decisions are re-made on live state, so a retry never repeats a change. Once the final
/// record is written, a redelivery does not decide again: it sends what the record's outbox still
/// owes (see <see cref="AuditAnnouncer"/>), and the claim is done only when nothing is owed.
/// Slack is optional (<paramref name="slack"/> null): SNS and Slack are sent side by side, so a Slack outage
/// never holds back the SNS alert. docs/reliability.md walks through every failure at every step.
/// </remarks>
/// <param name="policies">The policies.</param>
/// <param name="state">The state table.</param>
/// <param name="sessions">Sessions in member accounts.</param>
/// <param name="alerts">The SNS alert publisher.</param>
/// <param name="resultEvents">The result-event publisher.</param>
/// <param name="options">Switches.</param>
/// <param name="clock">The clock.</param>
/// <param name="slack">Slack alerts and approval requests for policies that notify Slack; null when Slack is not configured.</param>
/// <param name="metrics">Where given-up announcements are signalled; null for the function log.</param>
/// <param name="adapters">The resource adapters; null for <see cref="ResourceAdapters.Default"/>.</param>
/// <param name="brakes">Fight detection, blast radius and circuit breaker, asked before every automatic remediation; null for none.</param>
/// <param name="holds">Suppressions and exemptions, honoured before every remediation and part of a sweep finding's id; null for none.</param>
/// <param name="observer">Where each final record's per-policy metrics and log lines go (docs/observability.md); null for none.</param>
public sealed class RemediationPipeline(PolicySet policies, IStateStore state, IAccountSessions sessions, IAlertPublisher alerts, IResultEventPublisher resultEvents, PipelineOptions options, TimeProvider clock, SlackAlertPublisher? slack = null, IDeliveryMetrics? metrics = null, ResourceAdapters? adapters = null, Brakes.RemediationBrakes? brakes = null, Holds.HoldStore? holds = null, Observability.OutcomeObserver? observer = null)
{
    private readonly ResourceAdapters _adapters = adapters ?? ResourceAdapters.Default;
    private readonly ResourceRemediation _resources = new(policies, state, options, clock, brakes, holds);
    private readonly PolicyEvaluator _evaluator = new(policies);
    private readonly AuditAnnouncer _announcer = new(policies, state, alerts, resultEvents, options.ResultDetailType, metrics ?? new EmbeddedMetricDeliveryMetrics(Console.Out, clock));
    private readonly OwnActions _ownActions = new(options.OwnRoleName, state);

    /// <summary>The resource types some policy sweeps (<c>sweep</c> not false): what a sweep reads.</summary>
    public IReadOnlySet<string> SweptResourceTypes { get; } = policies.All.Where(p => p.Sweep).Select(p => p.Resource).ToHashSet(StringComparer.Ordinal);

    /// <summary>Processes one message body (an EventBridge event, an SQS record or a bare CloudTrail record).</summary>
    /// <param name="body">The message text.</param>
    /// <param name="messageId">The transport's id of the message, used as the audit key when the body cannot be read.</param>
    /// <param name="cancellationToken">Cancels the work; the claim is then given back.</param>
    /// <exception cref="Exception">A transient failure (AWS error): the message should be delivered again.</exception>
    public async Task<PipelineResult> ProcessAsync(string body, string messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        CloudTrailEvent cloudTrailEvent;
        try
        {
            cloudTrailEvent = CloudTrailEventReader.Read(body);
        }
        catch (MalformedEventException ex)
        {
            return await RecordAsync("message:" + messageId, () => Task.FromResult(Rejected("message:" + messageId, ex.Message)), cancellationToken);
        }

        return await RecordAsync(cloudTrailEvent.Id, () => DecideAsync(cloudTrailEvent, cancellationToken), cancellationToken);
    }

    private async Task<PipelineResult> RecordAsync(string eventId, Func<Task<AuditRecord>> decide, CancellationToken cancellationToken)
    {
        // One token per delivery attempt: a retried claim request that meets this attempt's own write is still ours.
        var owner = Guid.NewGuid().ToString("N");
        switch (await state.TryClaimAsync(eventId, owner, cancellationToken))
        {
            case ClaimOutcome.Done:
                return new PipelineResult(eventId, null);
            case ClaimOutcome.HeldByAnother:
                throw new ClaimHeldException(eventId);
        }

        AnnouncementRound round;
        try
        {
            var earlier = await state.ReadAuditAsync(eventId, cancellationToken);
            // A new final record is written in the same transaction as the outbox it owes; an earlier one
            // (a redelivery) sends what its outbox still owes.
            round = earlier is { Provisional: false }
                ? await _announcer.AnnounceAsync(earlier, earlier.Decisions, AuditAnnouncer.DecidedRound, slack, cancellationToken)
                : await _announcer.RecordAndAnnounceAsync(Settle(earlier, await decide()), slack, observer is null ? null : observer.Decided, cancellationToken);
            if (!round.IsComplete)
            {
                throw new AnnouncementsOwedException(eventId, round.StillOwed);
            }

            await state.CompleteClaimAsync(eventId, owner, cancellationToken);
        }
        catch (Exception)
        {
            await ReleaseAsync(eventId, owner);
            throw;
        }

        return new PipelineResult(eventId, round.Record);
    }

    // A redelivery of an event whose earlier attempt stopped mid-revoke (its provisional record is all
    // that is left) now finds the group compliant: the earlier attempt's revoke took effect. It settles
    // as remediated with what the provisional record listed, so the rules stay restorable (Undo).
    private AuditRecord Settle(AuditRecord? earlier, AuditRecord now)
    {
        if (earlier is not { Provisional: true })
        {
            return now;
        }

        if (now.Decisions.Count > 0)
        {
            // The group violates again (or still, by another policy): the new decision stands, and what
            // the interrupted attempt was revoking is kept in words so it can be put back by hand.
            var interrupted = string.Join(", ", earlier.Decisions.SelectMany(d => d.Revoked.Select(r => r.ToString()).Concat(d.Changes?.Select(c => c.Summary) ?? [])));
            return now with { Errors = [.. now.Errors, $"an earlier attempt was interrupted while revoking {interrupted}"] };
        }

        var note = $"redelivered {clock.GetUtcNow():u}: an earlier attempt was interrupted while revoking; the group is now {now.Outcome.ToString().ToLowerInvariant()} ({now.Reason})";
        var decisions = earlier.Decisions.Select(d => d with
        {
            Outcome = AuditOutcome.Remediated,
            Revoked = [.. d.Revoked.Select(r => r with { Unconfirmed = true })],
            Changes = d.Changes?.Select(c => c with { Unconfirmed = true }).ToList(),
            Reason = d.Changes is { Count: > 0 } changes
                ? $"{string.Join("; ", changes.Select(c => c.Summary))}, unconfirmed: the attempt that made the change was interrupted, and a redelivery found the resource compliant"
                : $"revoked {d.Revoked.Count} rule(s), unconfirmed: the attempt that revoked them was interrupted, and a redelivery found them gone",
        }).ToList();
        return earlier with
        {
            Provisional = false,
            RecordedAt = clock.GetUtcNow(),
            Outcome = AuditOutcomes.MostSignificant(decisions.Select(d => d.Outcome)),
            Reason = string.Join("; ", decisions.Select(d => $"{d.PolicyId}: {d.Reason}")),
            Decisions = decisions,
            Errors = [.. earlier.Errors, note],
        };
    }

    /// <summary>
    /// Acts on a resource that a sweep found, not an event: every policy of the resource type is
    /// evaluated on its live state and, when some match, the violation goes through the same claim,
    /// remediation, audit and alerts as an event. The claim key is derived from the account, resource
    /// and matched elements, so a violation left in place (notify mode, held for a human) is announced
    /// once, not on every sweep.
    /// </summary>
    /// <param name="account">The member account the resource is in.</param>
    /// <param name="region">The region.</param>
    /// <param name="resourceType">The resource type's name, e.g. <c>aws.ec2.security-group</c>.</param>
    /// <param name="resource">The resource fact as the sweep read it (the fact its adapter reads).</param>
    /// <param name="cancellationToken">Cancels the work; the claim is then given back.</param>
    /// <returns>Null when the resource complies; otherwise the result (a duplicate when already announced).</returns>
    /// <exception cref="ArgumentException">No resource adapter is deployed for <paramref name="resourceType"/>.</exception>
    public async Task<PipelineResult?> SweepResourceAsync(string account, string region, string resourceType, object resource, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentNullException.ThrowIfNull(resource);
        var adapter = _adapters.Find(resourceType ?? "")
            ?? throw new ArgumentException($"no resource adapter is deployed for '{resourceType}', so a sweep cannot act on it", nameof(resourceType));
        var candidates = policies.All.Where(p => p.Resource == resourceType && p.Sweep).ToList();
        var evaluation = await _evaluator.EvaluateAsync(resource, candidates);
        if (evaluation.IsCompliant)
        {
            return null;
        }

        // A hold (suppression, exemption) on the resource is part of the finding: held, it is announced
        // once; once the hold has ended the same violation is a new finding, so the sweep re-checks it.
        IReadOnlyList<Holds.ResourceHold> held = holds is null ? [] : await holds.ReadAsync(account, region, evaluation.ResourceId, cancellationToken);
        var now = clock.GetUtcNow();
        var salt = string.Join(",", held.Where(h => evaluation.Decisions.Any(d => d.Policy.Id == h.PolicyId)).Select(h => (h.IsLive(now) ? "held:" : "ended:") + h.Id));
        var sweep = SweepFinding.Event(account, region, evaluation, now, salt);
        return await RecordAsync(sweep.Id, async () =>
        {
            // The change is made through a session named after this finding's record, so its
            // CloudTrail event is recognised as OpsBot's own.
            var session = await sessions.MemberAsync(account, region, SessionPurpose.Sweeper(sweep.Id), cancellationToken);
            var record = NewRecord(sweep) with { Resources = [evaluation.ResourceId] };
            var reasons = evaluation.Skips.Select(s => $"{s.Reason.Name()}: {s.Detail}").ToList();
            return Complete(record, await _resources.RemediateAsync(sweep, adapter, session, resource, evaluation, cancellationToken), reasons);
        }, cancellationToken);
    }

    private AuditRecord NewRecord(CloudTrailEvent cloudTrailEvent) => new()
    {
        EventId = cloudTrailEvent.Id,
        RecordedAt = clock.GetUtcNow(),
        EventTime = cloudTrailEvent.Time,
        Account = cloudTrailEvent.Account,
        Region = cloudTrailEvent.Region,
        EventName = cloudTrailEvent.EventName,
        Actor = AuditActor.From(cloudTrailEvent.Actor),
        Outcome = AuditOutcome.Skipped,

        // Disagreements the reader settled (the envelope wins); a forged record shows up here.
        Errors = [.. cloudTrailEvent.Warnings],
    };

    private static AuditRecord Complete(AuditRecord record, IReadOnlyList<AuditDecision> decisions, List<string> reasons)
    {
        if (decisions.Count == 0)
        {
            return record with { Reason = string.Join("; ", reasons) };
        }

        var outcome = AuditOutcomes.MostSignificant(decisions.Select(d => d.Outcome));
        return record with { Outcome = outcome, Decisions = decisions, Reason = string.Join("; ", decisions.Select(d => $"{d.PolicyId}: {d.Reason}").Concat(reasons)) };
    }

    private async Task<AuditRecord> DecideAsync(CloudTrailEvent cloudTrailEvent, CancellationToken cancellationToken)
    {
        var record = NewRecord(cloudTrailEvent);
        if (cloudTrailEvent.Time < clock.GetUtcNow() - DynamoDbStateStore.OldestAccepted)
        {
            // Its claim may have expired: a duplicate of it could no longer be told apart, so nothing is acted on.
            return record with
            {
                Outcome = AuditOutcome.Rejected,
                Reason = $"the event is from {cloudTrailEvent.Time:u}, older than the {DynamoDbStateStore.OldestAccepted.TotalDays:0} days within which duplicates are recognised; check the resource by hand or let the sweeper find it",
            };
        }

        // OpsBot's own change (matched to its audit record) is not acted on again; a call made with its
        // role that it has no record of is evaluated like any other and flagged in the alert.
        switch (await _ownActions.CheckAsync(cloudTrailEvent, cancellationToken))
        {
            case { Kind: OwnActionKind.Recorded } own:
                return record with { Reason = own.Detail };
            case { Kind: OwnActionKind.Unrecorded } own:
                record = record with { Actor = record.Actor with { Suspicion = own.Detail } };
                break;
        }

        TriageResult triage;
        try
        {
            triage = EventTriage.Triage(cloudTrailEvent, policies);
        }
        catch (MalformedEventException ex)
        {
            return record with { Outcome = AuditOutcome.Rejected, Reason = ex.Message };
        }

        if (triage.SkipReason is { } skip)
        {
            return record with { Reason = $"{skip.Name()}: {triage.Detail}" };
        }

        record = record with { Resources = [.. triage.Resources.Select(r => r.ToString())] };
        return triage.ResourceType is { } type
            ? await DecideThroughAdapterAsync(cloudTrailEvent, record, type.Name, triage, cancellationToken)
            : record with { Outcome = AuditOutcome.Failed, Reason = "the event concerns no known resource type: the policies were evaluated by nobody" };
    }

    private async Task<AuditRecord> DecideThroughAdapterAsync(CloudTrailEvent cloudTrailEvent, AuditRecord record, string resourceType, TriageResult triage, CancellationToken cancellationToken)
    {
        if (_adapters.Find(resourceType) is not { } adapter)
        {
            return record with { Outcome = AuditOutcome.Failed, Reason = $"no resource adapter is deployed for {resourceType}: the policies were evaluated by nobody" };
        }

        var session = await sessions.MemberAsync(cloudTrailEvent.Account, cloudTrailEvent.Region, SessionPurpose.EventHandler(cloudTrailEvent.Id), cancellationToken);
        var decisions = new List<AuditDecision>();
        var reasons = new List<string>();
        foreach (var reference in triage.Resources)
        {
            // The resource's holds are read beside the resource itself, not after the evaluation: one
            // round trip fewer on the first delivery; unused (compliant, gone) the read is only observed.
            var prefetched = holds is not null && reference.Id is { } heldId ? (heldId, holds.ReadAsync(cloudTrailEvent.Account, cloudTrailEvent.Region, heldId, cancellationToken)) : default((string, Task<IReadOnlyList<Holds.ResourceHold>>)?);
            _ = prefetched?.Item2.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            var resource = await (adapter is IResourceReferenceReader byReference
                    ? byReference.ReadAsync(session, reference, cancellationToken)
                    : adapter.ReadAsync(session, reference.Id ?? reference.Name ?? "", cancellationToken))
                ?? (triage.ResourceType as IDeletedResourceReader)?.Deleted(cloudTrailEvent, reference);
            if (resource is null)
            {
                reasons.Add($"{SkipReason.ResourceNotFound.Name()}: {reference} does not exist in {cloudTrailEvent.Account} {cloudTrailEvent.Region}");
                continue;
            }

            ResourceEvaluation evaluation;
            try
            {
                evaluation = await _evaluator.EvaluateAsync(resource, triage.Policies);
            }
            catch (PolicyEvaluationException ex)
            {
                return record with { Outcome = AuditOutcome.Failed, Reason = ex.Message, Errors = [ex.Message] };
            }

            reasons.AddRange(evaluation.Skips.Select(s => $"{s.Reason.Name()}: {s.Detail}"));
            decisions.AddRange(await _resources.RemediateAsync(cloudTrailEvent, adapter, session, resource, evaluation, cancellationToken, prefetched));
        }

        return Complete(record, decisions, reasons);
    }

    private AuditRecord Rejected(string eventId, string reason) => new()
    {
        EventId = eventId,
        RecordedAt = clock.GetUtcNow(),
        Outcome = AuditOutcome.Rejected,
        Reason = reason,
    };

    private async Task ReleaseAsync(string eventId, string owner)
    {
        try
        {
            await state.ReleaseClaimAsync(eventId, owner, CancellationToken.None);
        }
        catch (Exception)
        {
            // The lease expires on its own; the original failure is the one to report.
        }
    }
}
