using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.State;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Slack;

namespace OpsBot.Functions.Tests.State;

/// <summary>
/// The final audit record written with its outbox in one transaction: created taken by the writer, and
/// a write that meets an outbox already recorded (an earlier attempt, or its own resent transaction)
/// keeps what is there and says what it found.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class AuditWithOutboxTests(MotoServer moto)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Announcement Result = Announcement.ResultOf("decided");
    private static readonly Announcement Other = Announcement.ResultOf("approved");

    [Fact]
    public async Task The_record_and_its_outbox_are_written_together_the_outbox_taken_by_the_writer()
    {
        var (store, client) = await StateTable.CreateAsync(moto, new VirtualClock(Start));
        using (client)
        {
            var recorded = await store.WriteAuditAndOweAsync(Final("revoked 1 rule(s)"), [Result, Other], "attempt-a", CancellationToken.None);

            Assert.Equal(new HashSet<string> { Result.Id, Other.Id }, recorded.Taken);
            Assert.Empty(recorded.Earlier);
            var record = await store.ReadAuditAsync("evt-1", CancellationToken.None);
            Assert.Equal((AuditOutcome.Remediated, "revoked 1 rule(s)", false), (record!.Outcome, record.Reason, record.Provisional));
            Assert.Equal(2, record.Announcements.Count);
            Assert.All(record.Announcements, s => Assert.Equal((AnnouncementStatus.Sending, 1), (s.Status, s.Attempts)));
            Assert.False(await store.TryTakeAnnouncementAsync("evt-1", Result.Id, "attempt-b", CancellationToken.None));
            Assert.True(await store.TryTakeAnnouncementAsync("evt-1", Result.Id, "attempt-a", CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_write_meeting_an_outbox_an_earlier_attempt_recorded_keeps_it_and_reports_it()
    {
        var (store, client) = await StateTable.CreateAsync(moto, new VirtualClock(Start));
        using (client)
        {
            await store.WriteAuditAndOweAsync(Final("first"), [Result], "attempt-a", CancellationToken.None);
            await store.SettleAnnouncementAsync("evt-1", Result.Id, AnnouncementStatus.Sent, null, "event-1", CancellationToken.None);

            var again = await store.WriteAuditAndOweAsync(Final("second"), [Result, Other], "attempt-b", CancellationToken.None);

            Assert.Equal(new HashSet<string> { Other.Id }, again.Taken);
            var earlier = Assert.Single(again.Earlier);
            Assert.Equal((Result.Id, AnnouncementStatus.Sent, 1, "event-1"), (earlier.Announcement.Id, earlier.Status, earlier.Attempts, earlier.Reference));
            var record = await store.ReadAuditAsync("evt-1", CancellationToken.None);
            Assert.Equal("second", record!.Reason);
            Assert.Equal([(Other.Id, AnnouncementStatus.Sending), (Result.Id, AnnouncementStatus.Sent)], record.Announcements.Select(a => (a.Announcement.Id, a.Status)).Order());
        }
    }

    [Fact]
    public async Task The_same_write_sent_again_after_its_answer_was_lost_takes_nothing_twice_and_stays_the_owners()
    {
        var (store, client) = await StateTable.CreateAsync(moto, new VirtualClock(Start));
        using (client)
        {
            await store.WriteAuditAndOweAsync(Final("revoked 1 rule(s)"), [Result], "attempt-a", CancellationToken.None);

            var again = await store.WriteAuditAndOweAsync(Final("revoked 1 rule(s)"), [Result], "attempt-a", CancellationToken.None);

            Assert.Empty(again.Taken);
            var earlier = Assert.Single(again.Earlier);
            Assert.Equal((AnnouncementStatus.Sending, 1), (earlier.Status, earlier.Attempts));
            Assert.False(await store.TryTakeAnnouncementAsync("evt-1", Result.Id, "attempt-b", CancellationToken.None));
            Assert.True(await store.TryTakeAnnouncementAsync("evt-1", Result.Id, "attempt-a", CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_provisional_record_never_replaces_the_final_one_and_owes_nothing()
    {
        var (store, client) = await StateTable.CreateAsync(moto, new VirtualClock(Start));
        using (client)
        {
            await store.WriteAuditAsync(Final("revoked 1 rule(s)"), CancellationToken.None);
            var provisional = Final("interrupted while revoking") with { Provisional = true, Outcome = AuditOutcome.Failed };

            await Assert.ThrowsAsync<AuditRecordSupersededException>(() => store.WriteAuditAndOweAsync(provisional, [Result], "attempt-a", CancellationToken.None));

            var record = await store.ReadAuditAsync("evt-1", CancellationToken.None);
            Assert.Equal((AuditOutcome.Remediated, false), (record!.Outcome, record.Provisional));
            Assert.Empty(record.Announcements);
        }
    }

    private static AuditRecord Final(string reason) => new() { EventId = "evt-1", RecordedAt = Start, Outcome = AuditOutcome.Remediated, Reason = reason };
}
