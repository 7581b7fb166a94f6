using OpsBot.Cli.Local;
using OpsBot.Functions.State;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Slack;

namespace OpsBot.Functions.Tests.State;

[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ClaimTests(MotoServer moto)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_retried_claim_that_meets_its_own_earlier_write_is_still_claimed()
    {
        var (store, client) = await StateTable.CreateAsync(moto, new VirtualClock(Start));
        using (client)
        {
            Assert.Equal(ClaimOutcome.Claimed, await store.TryClaimAsync("evt-1", "attempt-a", CancellationToken.None));

            // The SDK resends the same put after its answer was lost: the condition now fails on its own item.
            Assert.Equal(ClaimOutcome.Claimed, await store.TryClaimAsync("evt-1", "attempt-a", CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_claim_held_by_another_live_attempt_is_neither_taken_nor_a_duplicate()
    {
        var (store, client) = await StateTable.CreateAsync(moto, new VirtualClock(Start));
        using (client)
        {
            await store.TryClaimAsync("evt-1", "attempt-a", CancellationToken.None);

            Assert.Equal(ClaimOutcome.HeldByAnother, await store.TryClaimAsync("evt-1", "attempt-b", CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_finished_event_is_a_duplicate_for_every_later_attempt()
    {
        var (store, client) = await StateTable.CreateAsync(moto, new VirtualClock(Start));
        using (client)
        {
            await store.TryClaimAsync("evt-1", "attempt-a", CancellationToken.None);
            await store.CompleteClaimAsync("evt-1", "attempt-a", CancellationToken.None);

            Assert.Equal(ClaimOutcome.Done, await store.TryClaimAsync("evt-1", "attempt-b", CancellationToken.None));
            Assert.Equal(ClaimOutcome.Done, await store.TryClaimAsync("evt-1", "attempt-a", CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_claim_whose_attempt_died_is_taken_over_once_its_lease_lapses()
    {
        var clock = new VirtualClock(Start);
        var lease = ClaimLease.ForFunction(TimeSpan.FromSeconds(60));
        var (store, client) = await StateTable.CreateAsync(moto, clock, lease);
        using (client)
        {
            await store.TryClaimAsync("evt-1", "attempt-a", CancellationToken.None);
            clock.Advance(lease.Lease - TimeSpan.FromSeconds(1));
            Assert.Equal(ClaimOutcome.HeldByAnother, await store.TryClaimAsync("evt-1", "attempt-b", CancellationToken.None));

            clock.Advance(TimeSpan.FromSeconds(2));

            Assert.Equal(ClaimOutcome.Claimed, await store.TryClaimAsync("evt-1", "attempt-b", CancellationToken.None));
            Assert.Equal(ClaimOutcome.HeldByAnother, await store.TryClaimAsync("evt-1", "attempt-a", CancellationToken.None));
        }
    }

    [Fact]
    public async Task Releasing_another_attempts_claim_leaves_it_in_place()
    {
        var (store, client) = await StateTable.CreateAsync(moto, new VirtualClock(Start));
        using (client)
        {
            await store.TryClaimAsync("evt-1", "attempt-a", CancellationToken.None);

            await store.ReleaseClaimAsync("evt-1", "attempt-b", CancellationToken.None);
            Assert.Equal(ClaimOutcome.HeldByAnother, await store.TryClaimAsync("evt-1", "attempt-c", CancellationToken.None));

            await store.ReleaseClaimAsync("evt-1", "attempt-a", CancellationToken.None);
            await store.ReleaseClaimAsync("evt-1", "attempt-a", CancellationToken.None);
            Assert.Equal(ClaimOutcome.Claimed, await store.TryClaimAsync("evt-1", "attempt-c", CancellationToken.None));
        }
    }

    [Fact]
    public async Task Claims_stuck_in_processing_past_their_lease_are_listed_and_finished_ones_are_not()
    {
        var clock = new VirtualClock(Start);
        var (store, client) = await StateTable.CreateAsync(moto, clock);
        using (client)
        {
            await store.TryClaimAsync("evt-stuck", "attempt-a", CancellationToken.None);
            await store.TryClaimAsync("evt-done", "attempt-a", CancellationToken.None);
            await store.CompleteClaimAsync("evt-done", "attempt-a", CancellationToken.None);
            clock.Advance(TimeSpan.FromHours(2));

            var stuck = await store.ReadLapsedClaimsAsync(clock.GetUtcNow() - TimeSpan.FromHours(1), CancellationToken.None);

            Assert.Equal(["evt-stuck"], stuck.Select(s => s.EventId));
        }
    }

    [Fact]
    public async Task The_stuck_claims_check_signals_how_many_events_nothing_finished()
    {
        var clock = new VirtualClock(Start);
        var (store, client) = await StateTable.CreateAsync(moto, clock);
        using (client)
        {
            var metrics = new Integration.RecordingDeliveryMetrics();
            await store.TryClaimAsync("evt-stuck-1", "attempt-a", CancellationToken.None);
            await store.TryClaimAsync("evt-stuck-2", "attempt-a", CancellationToken.None);
            clock.Advance(TimeSpan.FromHours(3));
            await store.TryClaimAsync("evt-recent", "attempt-a", CancellationToken.None);

            var report = await new OpsBot.Functions.Sweep.StuckClaimCheck(store, metrics, clock).CheckAsync(CancellationToken.None);

            Assert.Equal(2, report.Count);
            Assert.Equal(["evt-stuck-1", "evt-stuck-2"], report.EventIds.Order(StringComparer.Ordinal));
            Assert.Equal([2], metrics.Stuck);
        }
    }
}
