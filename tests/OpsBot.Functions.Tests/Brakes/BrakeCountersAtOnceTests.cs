using OpsBot.Cli.Local;
using OpsBot.Functions.State;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Integration;

namespace OpsBot.Functions.Tests.Brakes;

/// <summary>Counting on every brake counter in one transaction on moto: all counted, or none.</summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class BrakeCountersAtOnceTests(MotoServer moto)
{
    private static readonly DateTimeOffset Window = new(2026, 12, 2, 20, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Ten = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Counts_the_action_on_every_counter_when_all_are_under_their_limits()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var counters = world.Runtime.BrakeCounters;

        var counted = await counters.TryCountAllAsync([new("FIGHT#a", Window, Ten, 3), new("ACCOUNT#a", Window, Ten, 3)], "evt-1#p#r", CancellationToken.None);

        Assert.True(counted);
        Assert.Equal((1, 1), (await counters.ReadCountAsync("FIGHT#a", Window, CancellationToken.None), await counters.ReadCountAsync("ACCOUNT#a", Window, CancellationToken.None)));
    }

    [Fact]
    public async Task Counts_nothing_anywhere_when_one_counter_is_at_its_limit()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var counters = world.Runtime.BrakeCounters;
        await counters.TryCountAsync("ACCOUNT#a", Window, Ten, 1, "evt-0#p#r", CancellationToken.None);

        var counted = await counters.TryCountAllAsync([new("FIGHT#a", Window, Ten, 3), new("ACCOUNT#a", Window, Ten, 1)], "evt-1#p#r", CancellationToken.None);

        Assert.False(counted);
        Assert.Equal((0, 1), (await counters.ReadCountAsync("FIGHT#a", Window, CancellationToken.None), await counters.ReadCountAsync("ACCOUNT#a", Window, CancellationToken.None)));
    }

    [Fact]
    public async Task Counts_nothing_while_the_breaker_is_tripped()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var counters = world.Runtime.BrakeCounters;
        await counters.TryTripAsync(Window, "test trip", CancellationToken.None);

        var counted = await counters.TryCountAllAsync([new("ACCOUNT#a", Window, Ten, 3)], "evt-1#p#r", CancellationToken.None);

        Assert.False(counted);
        Assert.Equal(0, await counters.ReadCountAsync("ACCOUNT#a", Window, CancellationToken.None));
    }

    [Fact]
    public async Task Counts_an_action_already_counted_again_without_doubling_it_even_at_the_limit()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var counters = world.Runtime.BrakeCounters;
        await counters.TryCountAllAsync([new("ACCOUNT#a", Window, Ten, 1)], "evt-1#p#r", CancellationToken.None);

        var again = await counters.TryCountAllAsync([new("ACCOUNT#a", Window, Ten, 1)], "evt-1#p#r", CancellationToken.None);

        Assert.True(again);
        Assert.Equal(1, await counters.ReadCountAsync("ACCOUNT#a", Window, CancellationToken.None));
    }
}
