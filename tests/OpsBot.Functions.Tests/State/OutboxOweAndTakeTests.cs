using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Slack;

namespace OpsBot.Functions.Tests.State;

/// <summary>Owing and taking in one write: a first delivery's announcements are created already taken, a later one finds what the first left.</summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class OutboxOweAndTakeTests(MotoServer moto)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Announcement Result = Announcement.ResultOf("decided");
    private static readonly Announcement Other = Announcement.ResultOf("approved");

    [Fact]
    public async Task New_announcements_are_created_taken_by_the_owner_so_no_other_attempt_can_take_them()
    {
        var (store, client) = await StateTable.CreateAsync(moto, new VirtualClock(Start));
        using (client)
        {
            var recorded = await store.OweAndTakeAnnouncementsAsync("evt-1", [Result, Other], "attempt-a", CancellationToken.None);

            Assert.Equal(new HashSet<string> { Result.Id, Other.Id }, recorded.Taken);
            Assert.Empty(recorded.Earlier);
            Assert.All(await store.ReadAnnouncementsAsync("evt-1", CancellationToken.None), s => Assert.Equal((AnnouncementStatus.Sending, 1), (s.Status, s.Attempts)));
            Assert.False(await store.TryTakeAnnouncementAsync("evt-1", Result.Id, "attempt-b", CancellationToken.None));
        }
    }

    [Fact]
    public async Task Owing_again_takes_nothing_and_reports_what_the_earlier_attempt_left()
    {
        var (store, client) = await StateTable.CreateAsync(moto, new VirtualClock(Start));
        using (client)
        {
            await store.OweAndTakeAnnouncementsAsync("evt-1", [Result], "attempt-a", CancellationToken.None);
            await store.SettleAnnouncementAsync("evt-1", Result.Id, AnnouncementStatus.Sent, null, "event-1", CancellationToken.None);

            var again = await store.OweAndTakeAnnouncementsAsync("evt-1", [Result, Other], "attempt-b", CancellationToken.None);

            Assert.Equal(new HashSet<string> { Other.Id }, again.Taken);
            var earlier = Assert.Single(again.Earlier);
            Assert.Equal((Result.Id, AnnouncementStatus.Sent, 1, "event-1"), (earlier.Announcement.Id, earlier.Status, earlier.Attempts, earlier.Reference));
        }
    }

    [Fact]
    public async Task A_taken_announcement_whose_attempt_died_is_taken_over_once_its_lease_lapses()
    {
        var clock = new VirtualClock(Start);
        var (store, client) = await StateTable.CreateAsync(moto, clock);
        using (client)
        {
            await store.OweAndTakeAnnouncementsAsync("evt-1", [Result], "attempt-a", CancellationToken.None);
            Assert.False(await store.TryTakeAnnouncementAsync("evt-1", Result.Id, "attempt-b", CancellationToken.None));

            clock.Advance(store.Lease.Lease + TimeSpan.FromSeconds(1));

            Assert.True(await store.TryTakeAnnouncementAsync("evt-1", Result.Id, "attempt-b", CancellationToken.None));
            Assert.Equal(2, Assert.Single(await store.ReadAnnouncementsAsync("evt-1", CancellationToken.None)).Attempts);
        }
    }
}
