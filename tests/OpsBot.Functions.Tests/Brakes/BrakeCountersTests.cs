using OpsBot.Cli.Local;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Integration;

namespace OpsBot.Functions.Tests.Brakes;

/// <summary>The brakes' window counters in a state table on moto, called one after another.</summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class BrakeCountersTests(MotoServer moto)
{
    private static readonly DateTimeOffset Window = new(2026, 12, 2, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Counts_up_to_the_limit_and_refuses_the_next_without_counting_it()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var counters = world.Runtime.BrakeCounters;

        var counted = new List<bool>();
        for (var i = 0; i < 4; i++)
        {
            counted.Add(await counters.TryCountAsync("ACCOUNT#111111111111", Window, TimeSpan.FromMinutes(10), 3, $"evt-{i}#p#r", CancellationToken.None));
        }

        Assert.Equal([true, true, true, false], counted);
        Assert.Equal(3, await counters.ReadCountAsync("ACCOUNT#111111111111", Window, CancellationToken.None));
    }

    [Fact]
    public async Task The_same_action_again_is_counted_once_even_at_the_limit()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var counters = world.Runtime.BrakeCounters;

        await counters.TryCountAsync("ACCOUNT#111111111111", Window, TimeSpan.FromMinutes(10), 2, "evt-1#p#r", CancellationToken.None);
        await counters.TryCountAsync("ACCOUNT#111111111111", Window, TimeSpan.FromMinutes(10), 2, "evt-2#p#r", CancellationToken.None);
        var again = await counters.TryCountAsync("ACCOUNT#111111111111", Window, TimeSpan.FromMinutes(10), 2, "evt-1#p#r", CancellationToken.None);

        Assert.True(again);
        Assert.Equal(2, await counters.ReadCountAsync("ACCOUNT#111111111111", Window, CancellationToken.None));
    }

    [Fact]
    public async Task A_window_is_announced_by_one_event_only()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var counters = world.Runtime.BrakeCounters;

        var first = await counters.TryMarkAnnouncedAsync("FIGHT#x", Window, TimeSpan.FromHours(1), "evt-1", CancellationToken.None);
        var second = await counters.TryMarkAnnouncedAsync("FIGHT#x", Window, TimeSpan.FromHours(1), "evt-2", CancellationToken.None);
        var firstAgain = await counters.TryMarkAnnouncedAsync("FIGHT#x", Window, TimeSpan.FromHours(1), "evt-1", CancellationToken.None);

        Assert.Equal((true, false, true), (first, second, firstAgain));
    }
}
