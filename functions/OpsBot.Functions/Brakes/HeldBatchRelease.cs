using System.Globalization;
using OpsBot.Functions.Approvals;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Functions.Outbox;
using OpsBot.Functions.Pipeline;
using OpsBot.Functions.Resources;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.State;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Brakes;

/// <summary>
/// The Release button on a blast-radius batch: every violation the account limit held in that window is
/// re-read on live state, evaluated again and remediated when it still violates, as an approval would; each
/// held event's audit record is settled with what came of it (and announced on SNS and the bus), and the
/// batch's message is updated with the counts.
/// </summary>
/// <remarks>
/// Who may release: OpsBot's undo users and the approvers of the policy whose violation announced the
/// batch. Each violation leaves <c>held</c> by one conditional write (<see cref="HeldViolations.TryTakeAsync"/>),
/// so a second click, or two approvers at once, remediates nothing twice: the later click finds nothing
/// held and is refused. A violation held after a release (the window is still open) waits for the next
/// click. A release is a human decision, so it is not counted by the brakes again. A batch is released
/// inside the click, at most <see cref="MaxPerClick"/> violations a time: a large one takes longer than
/// Slack's 3 seconds (Slack then shows a timeout on the button while the release completes and the
/// message is updated); one click never acts twice, so pressing again is safe.
/// </remarks>
/// <param name="policies">The policies as loaded now.</param>
/// <param name="state">The state table.</param>
/// <param name="held">The held violations.</param>
/// <param name="sessions">Sessions in member accounts.</param>
/// <param name="clock">The clock.</param>
/// <param name="undoUsers">Users who may release any batch.</param>
/// <param name="announcer">Announces each settled decision (SNS, bus); null to only write them.</param>
/// <param name="adapters">The resource adapters; null for <see cref="ResourceAdapters.Default"/>.</param>
/// <param name="maxPerClick">The most violations one click releases; null for <see cref="MaxPerClick"/>.</param>
public sealed class HeldBatchRelease(PolicySet policies, IStateStore state, HeldViolations held, IAccountSessions sessions, TimeProvider clock, IReadOnlyList<string> undoUsers, AuditAnnouncer? announcer = null, ResourceAdapters? adapters = null, int? maxPerClick = null)
{
    /// <summary>
    /// The most violations one click releases: each costs a few AWS calls, and the click must finish
    /// inside the function's timeout; the rest stay held, and the message keeps Release for them.
    /// </summary>
    public const int MaxPerClick = 25;

    private readonly ResourceRemediation _resources = new(policies, state, new PipelineOptions(), clock);
    private readonly ResourceAdapters _adapters = adapters ?? ResourceAdapters.Default;

    /// <summary>Handles a click on Release by <paramref name="userId"/> on the message of the decision <paramref name="target"/>.</summary>
    /// <exception cref="Exception">A state-table failure before anything was taken.</exception>
    public async Task<ClickOutcome> ReleaseAsync(SlackActionValue target, string userId, ApproverCheck mayAct, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(mayAct);
        var record = await state.ReadAuditAsync(target.EventId, cancellationToken);
        var announcing = record?.Decisions.FirstOrDefault(d => d.PolicyId == target.PolicyId && d.ResourceId == target.ResourceId);
        if (record is null || announcing?.HeldBatch is not { } key)
        {
            return ClickOutcome.Refused($"no held batch recorded for {target}", "OpsBot has no record of a held batch for this message; nothing was changed.");
        }

        var policy = policies.Find(target.PolicyId);
        var allowed = (IReadOnlyList<string>)[.. policy?.Remediation.Approvers ?? [], .. undoUsers];
        if (await mayAct(allowed, userId, cancellationToken) is { Allowed: false } check)
        {
            return ClickOutcome.Refused(
                $"{userId} may not release batch {key}: neither an approver of {target.PolicyId} nor an undo user{check.Problem}",
                $"Only approvers of {SlackMarkdown.Code(target.PolicyId)} and OpsBot's undo users can release held violations.");
        }

        var now = clock.GetUtcNow();
        var tally = new ReleaseTally();
        foreach (var violation in await held.ReadViolationsAsync(key, cancellationToken))
        {
            if (tally.Taken >= (maxPerClick ?? MaxPerClick))
            {
                break;
            }

            if (violation.Status != "held" || await held.TryTakeAsync(key, violation, userId, now, cancellationToken) is not { } events)
            {
                continue;
            }

            try
            {
                tally.Add(await ReleaseOneAsync(key, violation, events, userId, now, cancellationToken));
                await held.CompleteAsync(key, violation, userId, now, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Held again, with its events, so a later click can try once the cause is fixed.
                await held.GiveBackAsync(key, violation, events, CancellationToken.None);
                tally.Failed($"{violation.PolicyId} on {violation.ResourceId}: {ex.Message}");
            }
        }

        var batch = await held.ReadBatchAsync(key, cancellationToken);
        if (tally.Taken == 0)
        {
            var earlier = batch?.ReleasedBy is { } by ? $" (released by {SlackMarkdown.Mention(by)} {SlackMarkdown.Date(batch.ReleasedAt ?? now)})" : "";
            return ClickOutcome.Refused($"{userId} clicked Release on batch {key}: nothing held is left to release", $"Nothing held is left to release in this batch{earlier}; nothing was changed.");
        }

        var summary = $"{tally.Summary()} (batch of account {HeldViolations.ParseKey(key).Account} from {HeldViolations.ParseKey(key).WindowStart:u}: {batch?.Held ?? tally.Taken} held, {batch?.Waiting ?? 0} still waiting)";
        var reread = await state.ReadAuditAsync(target.EventId, cancellationToken) ?? record;
        var decision = reread.Decisions.FirstOrDefault(d => d.PolicyId == target.PolicyId && d.ResourceId == target.ResourceId) ?? announcing;
        var result = tally.Errors.Count > 0 ? InteractionResult.Failed : InteractionResult.Released;
        var reason = $"released by {userId} at {Stamp(now)}: {summary}" + (tally.Errors.Count > 0 ? "; " + string.Join("; ", tally.Errors) : "");
        if (tally.Errors.Count > 0 || batch?.Waiting > 0)
        {
            // Some are still held (failed and given back, or beyond this click's share): the message keeps its Release button.
            var errors = tally.Errors.Count > 0 ? $" Failed: {SlackMarkdown.Escape(string.Join("; ", tally.Errors))}." : "";
            return new ClickOutcome(result, reason, null, $"Released: {SlackMarkdown.Escape(summary)}.{errors} Press Release again for those still held.");
        }

        var update = policy is null ? null : new SlackResultUpdate(SlackResultKind.Released, SlackAlertFacts.From(reread, decision, policy), now, userId, summary);
        return new ClickOutcome(result, reason, update, update is null ? $"Released: {SlackMarkdown.Escape(summary)}." : null);
    }

    // One remediation per violation on live state; every held event of it gets its settlement.
    private async Task<AuditOutcome> ReleaseOneAsync(string key, HeldViolation violation, IReadOnlyList<string> events, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (account, _) = HeldViolations.ParseKey(key);
        var policy = policies.Find(violation.PolicyId);

        // The announcing record first, then the earliest: the one remediation is recorded there.
        var records = new List<(AuditRecord Record, AuditDecision Decision)>();
        foreach (var eventId in events)
        {
            var record = await state.ReadAuditAsync(eventId, cancellationToken);
            if (record?.Decisions.FirstOrDefault(d => d.PolicyId == violation.PolicyId && d.ResourceId == violation.ResourceId) is { } decision)
            {
                records.Add((record, decision));
            }
        }

        records = [.. records.OrderBy(h => h.Decision.HeldBatch is null).ThenBy(h => h.Record.RecordedAt).ThenBy(h => h.Record.EventId, StringComparer.Ordinal)];
        AuditDecision? remediated = null;
        string why;
        if (policy is null)
        {
            why = $"policy {violation.PolicyId} is no longer loaded: nothing changed";
        }
        else
        {
            var adapter = _adapters.Find(policy.Resource) ?? throw new InvalidOperationException($"no resource adapter is deployed for {policy.Resource}");
            var session = await sessions.MemberAsync(account, violation.Region, SessionPurpose.SlackInteraction(records.Count > 0 ? records[0].Record.EventId : key, userId), cancellationToken);
            var resource = await adapter.ReadAsync(session, violation.ResourceId, cancellationToken);
            remediated = resource is null ? null : await _resources.ApprovedAsync(adapter, session, resource, policy, records.Count > 0 ? records[0].Decision.Matched : [], cancellationToken);
            why = resource is null ? $"{violation.ResourceId} no longer exists: nothing changed" : "live state no longer violates the policy: nothing changed";
        }

        var by = $"released by {userId} at {Stamp(now)}";
        for (var i = 0; i < records.Count; i++)
        {
            var (record, was) = records[i];
            var settled = i == 0 && remediated is not null
                ? remediated with { Mode = "enforce", Reason = $"{by}: {remediated.Reason}", Explanation = was.Explanation, HeldBatch = was.HeldBatch }
                : was with { Outcome = AuditOutcome.Skipped, Reason = remediated is null ? $"{by}; {why}" : $"{by}: remediated once, recorded with event {records[0].Record.EventId}" };
            await SettleAsync(record, settled, cancellationToken);
        }

        return remediated?.Outcome ?? AuditOutcome.Skipped;
    }

    private async Task SettleAsync(AuditRecord record, AuditDecision settled, CancellationToken cancellationToken)
    {
        var updated = AuditOutcomes.Settle(record, settled, settled.Reason);
        await state.WriteAuditAsync(updated, cancellationToken);
        if (announcer is not null)
        {
            // The batch's own message is updated by the caller; each released record is announced once on SNS and the bus.
            await announcer.AnnounceAsync(updated, [settled], $"released:{settled.PolicyId}:{settled.ResourceId}", null, cancellationToken);
        }
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
