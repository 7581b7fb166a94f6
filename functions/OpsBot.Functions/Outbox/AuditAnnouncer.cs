using System.Text.Json;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.EventBridge;
using OpsBot.Functions.Aws.Sns;
using OpsBot.Functions.Pipeline;
using OpsBot.Functions.Slack.Alerts;
using OpsBot.Functions.State;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Outbox;

/// <summary>
/// Sends what an audit record owes through its outbox: an SNS alert and a Slack message for each
/// decision whose policy asks for them, and the record as a result event on the bus. Each is recorded
/// before anything is sent and taken by a conditional write (two attempts never both send it): a new
/// one is created already taken by this attempt, one an earlier attempt recorded is taken by a
/// conditional update. It is marked sent once the service answers; a failure leaves it owed for the next attempt, and after
/// <see cref="MaxAttempts"/> attempts it is given up and alarmed. Used by the pipeline for new decisions
/// and by the approval workflow for settlements.
/// </summary>
/// <remarks>
/// At least once, effect once: a redelivery sends only what is still owed. A send whose answer was
/// lost is sent again by the next attempt, with the same announcement id in the alert body, so a
/// subscriber can keep one; see docs/reliability.md.
/// </remarks>
public sealed class AuditAnnouncer(PolicySet policies, IStateStore state, IAlertPublisher alerts, IResultEventPublisher resultEvents, string resultDetailType, IDeliveryMetrics metrics)
{
    /// <summary>Attempts (across deliveries) after which an announcement is given up.</summary>
    public const int MaxAttempts = 5;

    /// <summary>The round of an event's first decision.</summary>
    public const string DecidedRound = "decided";

    /// <summary>Announces <paramref name="decisions"/> of <paramref name="record"/> in <paramref name="round"/>, sending only what is still owed.</summary>
    /// <param name="record">The audit record, already written.</param>
    /// <param name="decisions">The decisions this round announces.</param>
    /// <param name="round">The round (<see cref="DecidedRound"/>, or a settlement such as <c>approved</c>).</param>
    /// <param name="slack">Slack alerts, or null for none this round.</param>
    /// <param name="cancellationToken">Cancels sending; what was not sent stays owed.</param>
    /// <exception cref="Exception">A state-table failure; what was not recorded as sent stays owed.</exception>
    public Task<AnnouncementRound> AnnounceAsync(AuditRecord record, IReadOnlyList<AuditDecision> decisions, string round, SlackAlertPublisher? slack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return AnnounceAsync(record, decisions, round, slack, (owed, owner) => state.OweAndTakeAnnouncementsAsync(record.EventId, owed, owner, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Writes the final audit record <paramref name="record"/> together with the outbox of its first
    /// round (<see cref="DecidedRound"/>, all of its decisions; see <see cref="IStateStore.WriteAuditAndOweAsync"/>),
    /// then announces it as <see cref="AnnounceAsync(AuditRecord, IReadOnlyList{AuditDecision}, string, SlackAlertPublisher?, CancellationToken)"/> does.
    /// </summary>
    /// <param name="record">The final audit record, not yet written.</param>
    /// <param name="slack">Slack alerts, or null for none.</param>
    /// <param name="written">Called once the record is written, before anything is sent; null for nothing.</param>
    /// <param name="cancellationToken">Cancels writing and sending; what was not sent stays owed.</param>
    /// <exception cref="Exception">A state-table failure; what was not recorded as sent stays owed.</exception>
    public Task<AnnouncementRound> RecordAndAnnounceAsync(AuditRecord record, SlackAlertPublisher? slack, Action<AuditRecord>? written, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return AnnounceAsync(record, record.Decisions, DecidedRound, slack, async (owed, owner) =>
        {
            var recorded = await state.WriteAuditAndOweAsync(record, owed, owner, cancellationToken);
            written?.Invoke(record);
            return recorded;
        }, cancellationToken);
    }

    // recordOwed records the owed announcements (given with this attempt's owner) and says what it found.
    private async Task<AnnouncementRound> AnnounceAsync(AuditRecord record, IReadOnlyList<AuditDecision> decisions, string round, SlackAlertPublisher? slack, Func<IReadOnlyList<Announcement>, string, Task<OwedAnnouncements>> recordOwed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var owed = Owed(decisions, round, slack is not null);
        var owner = Guid.NewGuid().ToString("N");

        // A first delivery creates its announcements already taken: no read, no take before sending.
        var recorded = await recordOwed(owed, owner);
        var known = recorded.Earlier.ToDictionary(a => a.Announcement.Id, StringComparer.Ordinal);
        var stillOwed = 0;
        var toSend = new List<(Announcement Announcement, int Attempt)>();
        foreach (var announcement in owed)
        {
            if (recorded.Taken.Contains(announcement.Id))
            {
                toSend.Add((announcement, 1));
                continue;
            }

            if (known.TryGetValue(announcement.Id, out var now) && now.Status is AnnouncementStatus.Sent or AnnouncementStatus.GivenUp)
            {
                continue;
            }

            if (!await state.TryTakeAnnouncementAsync(record.EventId, announcement.Id, owner, cancellationToken))
            {
                // Another live attempt is sending it, or just sent it: its redelivery or the next read tells.
                stillOwed += await IsSettledAsync(record.EventId, announcement.Id, cancellationToken) ? 0 : 1;
                continue;
            }

            toSend.Add((announcement, (now?.Attempts ?? 0) + 1));
        }

        var sent = await SendAllAsync(record, decisions, toSend, slack, cancellationToken);
        stillOwed += sent.Count(s => !s.Settled);

        // An event's first round, all of it created and settled by this attempt: the outbox is exactly
        // what the settling writes returned, so it is not read back. Any other round reads it.
        var outbox = round == DecidedRound && recorded.Taken.Count == owed.Count && sent.Count == owed.Count && sent.All(s => s.Now is not null)
            ? [.. sent.Select(s => s.Now!).OrderBy(s => s.Announcement.Id, StringComparer.Ordinal)]
            : await state.ReadAnnouncementsAsync(record.EventId, cancellationToken);
        return new AnnouncementRound(record with { Announcements = outbox }, stillOwed);
    }

    private List<Announcement> Owed(IReadOnlyList<AuditDecision> decisions, string round, bool slack)
    {
        var owed = new List<Announcement>();
        foreach (var decision in decisions)
        {
            // A violation a brake held after announcing its window once: in the audit and the result event only.
            if (policies.Find(decision.PolicyId) is not { } policy || decision.Outcome == AuditOutcome.Held)
            {
                continue;
            }

            if (policy.Notify.Contains(NotifyChannel.Sns))
            {
                owed.Add(Announcement.For(round, AnnouncementChannel.Sns, decision));
            }

            if (slack && policy.Notify.Contains(NotifyChannel.Slack))
            {
                owed.Add(Announcement.For(round, AnnouncementChannel.Slack, decision));
            }
        }

        owed.Add(Announcement.ResultOf(round));
        return owed;
    }

    // Each announcement is its own item and its own service, so they are sent side by side: the SNS alert
    // and the result event do not wait for each other. Slack messages go one after the other, because a
    // later one may reply in the thread an earlier one starts.
    private async Task<IReadOnlyList<(bool Settled, AnnouncementState? Now)>> SendAllAsync(AuditRecord record, IReadOnlyList<AuditDecision> decisions, List<(Announcement Announcement, int Attempt)> toSend, SlackAlertPublisher? slack, CancellationToken cancellationToken)
    {
        async Task<List<(bool Settled, AnnouncementState? Now)>> SlackInTurnAsync()
        {
            var results = new List<(bool Settled, AnnouncementState? Now)>();
            foreach (var (announcement, attempt) in toSend.Where(s => s.Announcement.Channel == AnnouncementChannel.Slack))
            {
                results.Add(await SendAsync(record, decisions, announcement, slack, attempt, cancellationToken));
            }

            return results;
        }

        var others = toSend.Where(s => s.Announcement.Channel != AnnouncementChannel.Slack).Select(s => SendAsync(record, decisions, s.Announcement, slack, s.Attempt, cancellationToken)).ToList();
        var inTurn = SlackInTurnAsync();
        await Task.WhenAll([.. others, inTurn]);
        return [.. others.Select(t => t.Result), .. inTurn.Result];
    }

    // Settled: sent, or given up (then alarmed); otherwise it stays owed. Now: the announcement as the settling write left it, when it says.
    private async Task<(bool Settled, AnnouncementState? Now)> SendAsync(AuditRecord record, IReadOnlyList<AuditDecision> decisions, Announcement announcement, SlackAlertPublisher? slack, int attempt, CancellationToken cancellationToken)
    {
        string? reference;
        try
        {
            reference = await DeliverAsync(record, decisions, announcement, slack, cancellationToken);
        }
        catch (Exception ex)
        {
            // SlackApiException, AwsCallException and InvalidSettingException name the call and code, never a token or URL.
            var error = $"{Describe(announcement)} not sent (attempt {attempt}): {ex.Message}";
            var cancelled = ex is OperationCanceledException;
            var giveUp = !cancelled && attempt >= MaxAttempts;
            var failed = await state.SettleAnnouncementAsync(record.EventId, announcement.Id, giveUp ? AnnouncementStatus.GivenUp : AnnouncementStatus.Owed, error, null, cancelled ? CancellationToken.None : cancellationToken);
            if (giveUp)
            {
                metrics.AnnouncementGivenUp(record.EventId, announcement.Id, error);
                return (true, failed);
            }

            if (cancelled)
            {
                throw;
            }

            return (false, failed);
        }

        // Sent: recording it must not be cut short by the message's budget, or the next attempt sends it again.
        return (true, await state.SettleAnnouncementAsync(record.EventId, announcement.Id, AnnouncementStatus.Sent, null, reference, CancellationToken.None));
    }

    private async Task<string?> DeliverAsync(AuditRecord record, IReadOnlyList<AuditDecision> decisions, Announcement announcement, SlackAlertPublisher? slack, CancellationToken cancellationToken)
    {
        if (announcement.Channel == AnnouncementChannel.ResultEvent)
        {
            var body = JsonSerializer.Serialize(record with { Announcements = [] }, PipelineJsonContext.Default.AuditRecord);
            return await resultEvents.PutAsync(resultDetailType, body, cancellationToken);
        }

        var decision = decisions.First(d => d.PolicyId == announcement.PolicyId && d.ResourceId == announcement.ResourceId);
        var policy = policies.Find(decision.PolicyId)!;
        if (announcement.Channel == AnnouncementChannel.Sns)
        {
            return await alerts.PublishAsync(AlertFormatter.Format(record, decision, policy, announcement.Id), cancellationToken);
        }

        await slack!.PublishAsync(record, decision, policy, cancellationToken);
        return null;
    }

    private async Task<bool> IsSettledAsync(string eventId, string announcementId, CancellationToken cancellationToken) =>
        (await state.ReadAnnouncementsAsync(eventId, cancellationToken)).Any(a => a.Announcement.Id == announcementId && a.Status is AnnouncementStatus.Sent or AnnouncementStatus.GivenUp);

    private static string Describe(Announcement announcement) => announcement.Channel switch
    {
        AnnouncementChannel.Sns => $"SNS alert for {announcement.PolicyId}",
        AnnouncementChannel.Slack => $"Slack alert for {announcement.PolicyId}",
        _ => "result event",
    };
}
