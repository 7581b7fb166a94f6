using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.State;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Slack;

namespace OpsBot.Functions.Tests.State;

[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class OutboxTests(MotoServer moto)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Announcement Result = Announcement.ResultOf("decided");

    [Fact]
    public async Task Of_several_attempts_taking_the_same_announcement_only_the_first_gets_it()
    {
        var (store, client) = await StateTable.CreateAsync(moto, new VirtualClock(Start));
        using (client)
        {
            await store.OweAnnouncementsAsync("evt-1", [Result], CancellationToken.None);

            // One after the other: DynamoDB makes a conditional update atomic, moto does not under
            // truly parallel requests, so the race itself cannot be staged on the emulator.
            var takes = new List<bool>();
            for (var i = 0; i < 4; i++)
            {
                takes.Add(await store.TryTakeAnnouncementAsync("evt-1", Result.Id, $"attempt-{i}", CancellationToken.None));
            }

            Assert.Equal([true, false, false, false], takes);
        }
    }

    [Fact]
    public async Task Owing_again_keeps_what_was_already_sent()
    {
        var (store, client) = await StateTable.CreateAsync(moto, new VirtualClock(Start));
        using (client)
        {
            await store.OweAnnouncementsAsync("evt-1", [Result], CancellationToken.None);
            await store.TryTakeAnnouncementAsync("evt-1", Result.Id, "attempt-a", CancellationToken.None);
            await store.SettleAnnouncementAsync("evt-1", Result.Id, AnnouncementStatus.Sent, null, "event-id-1", CancellationToken.None);

            await store.OweAnnouncementsAsync("evt-1", [Result], CancellationToken.None);

            var state = Assert.Single(await store.ReadAnnouncementsAsync("evt-1", CancellationToken.None));
            Assert.Equal((AnnouncementStatus.Sent, 1, "event-id-1"), (state.Status, state.Attempts, state.Reference));
            Assert.False(await store.TryTakeAnnouncementAsync("evt-1", Result.Id, "attempt-b", CancellationToken.None));
        }
    }

    [Fact]
    public async Task An_announcement_whose_sender_died_is_taken_over_after_the_lease_and_a_retried_take_is_still_ours()
    {
        var clock = new VirtualClock(Start);
        var lease = ClaimLease.ForFunction(TimeSpan.FromSeconds(60));
        var (store, client) = await StateTable.CreateAsync(moto, clock, lease);
        using (client)
        {
            await store.OweAnnouncementsAsync("evt-1", [Result], CancellationToken.None);
            Assert.True(await store.TryTakeAnnouncementAsync("evt-1", Result.Id, "attempt-a", CancellationToken.None));
            Assert.True(await store.TryTakeAnnouncementAsync("evt-1", Result.Id, "attempt-a", CancellationToken.None));
            Assert.False(await store.TryTakeAnnouncementAsync("evt-1", Result.Id, "attempt-b", CancellationToken.None));

            clock.Advance(lease.Lease + TimeSpan.FromSeconds(1));

            Assert.True(await store.TryTakeAnnouncementAsync("evt-1", Result.Id, "attempt-b", CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_failed_send_goes_back_to_owed_with_its_error_in_the_audit_record()
    {
        var (store, client) = await StateTable.CreateAsync(moto, new VirtualClock(Start));
        using (client)
        {
            await store.WriteAuditAsync(new AuditRecord { EventId = "evt-1", RecordedAt = Start, Outcome = AuditOutcome.Skipped }, CancellationToken.None);
            await store.OweAnnouncementsAsync("evt-1", [Result], CancellationToken.None);
            await store.TryTakeAnnouncementAsync("evt-1", Result.Id, "attempt-a", CancellationToken.None);

            await store.SettleAnnouncementAsync("evt-1", Result.Id, AnnouncementStatus.Owed, "result event not sent (attempt 1): ThrottlingException", null, CancellationToken.None);

            var record = await store.ReadAuditAsync("evt-1", CancellationToken.None);
            var state = Assert.Single(record!.Announcements);
            Assert.Equal((AnnouncementStatus.Owed, "result event not sent (attempt 1): ThrottlingException"), (state.Status, state.LastError));
            Assert.True(await store.TryTakeAnnouncementAsync("evt-1", Result.Id, "attempt-b", CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_late_failure_update_never_reopens_a_sent_announcement()
    {
        var (store, client) = await StateTable.CreateAsync(moto, new VirtualClock(Start));
        using (client)
        {
            await store.OweAnnouncementsAsync("evt-1", [Result], CancellationToken.None);
            await store.TryTakeAnnouncementAsync("evt-1", Result.Id, "attempt-a", CancellationToken.None);
            await store.SettleAnnouncementAsync("evt-1", Result.Id, AnnouncementStatus.Sent, null, "event-id-1", CancellationToken.None);

            await store.SettleAnnouncementAsync("evt-1", Result.Id, AnnouncementStatus.Owed, "result event not sent (attempt 1): timeout", null, CancellationToken.None);

            Assert.Equal(AnnouncementStatus.Sent, Assert.Single(await store.ReadAnnouncementsAsync("evt-1", CancellationToken.None)).Status);
        }
    }
}
