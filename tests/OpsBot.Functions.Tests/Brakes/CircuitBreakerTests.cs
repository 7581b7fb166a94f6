using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Tests.Emulator;

namespace OpsBot.Functions.Tests.Brakes;

/// <summary>
/// The global circuit breaker on moto, its rate lowered to 3 automatic actions a minute so a test can
/// reach it: the 4th trips it, one Slack message says so, everything after is notify only, and a
/// reset restores enforcement.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CircuitBreakerTests(MotoServer moto)
{
    [Fact]
    public async Task Tripping_moves_everything_to_notify_with_one_Slack_message_and_a_reset_restores_enforcement()
    {
        await using var world = await BrakesWorld.CreateAsync(moto, s => s with { Brakes = s.Brakes with { BreakerActions = 3 } });
        var snapshots = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            snapshots.Add(await world.CreateSnapshotAsync());
        }

        var before = new List<AuditRecord>();
        for (var i = 0; i < 6; i++)
        {
            before.Add(await world.OpenAndProcessAsync(snapshots[i]));
        }

        var breaker = await world.Runtime.BrakeCounters.ReadBreakerAsync(CancellationToken.None);
        Assert.Equal(3, before.Count(a => a.Outcome == AuditOutcome.Remediated));
        Assert.All(before.Skip(3), a => Assert.Equal(AuditOutcome.Notified, a.Outcome));
        Assert.StartsWith("CIRCUIT BREAKER TRIPPED", Assert.Single(before[3].Decisions).Reason, StringComparison.Ordinal);
        Assert.All(before.Skip(4), a => Assert.StartsWith("notify only: the circuit breaker tripped", Assert.Single(a.Decisions).Reason, StringComparison.Ordinal));
        Assert.True(breaker.Tripped);
        Assert.Equal(1, world.SlackPosts().Count(p => p.Contains("CIRCUIT BREAKER TRIPPED", StringComparison.Ordinal)));
        Assert.True(await world.IsPublicAsync(snapshots[5]));

        // Still tripped a minute later: only a reset closes it.
        world.Slack.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(AuditOutcome.Notified, (await world.OpenAndProcessAsync(snapshots[5])).Outcome);
        Assert.True(await world.Runtime.BrakeCounters.TryResetAsync("U0SECOPS", world.Slack.Clock.GetUtcNow(), CancellationToken.None));

        var after = await world.OpenAndProcessAsync(snapshots[6]);

        Assert.Equal(AuditOutcome.Remediated, after.Outcome);
        Assert.False(await world.IsPublicAsync(snapshots[6]));
        Assert.False((await world.Runtime.BrakeCounters.ReadBreakerAsync(CancellationToken.None)).Tripped);
    }

    [Fact]
    public async Task A_reset_of_a_breaker_that_never_tripped_changes_nothing()
    {
        await using var world = await BrakesWorld.CreateAsync(moto);

        var reset = await world.Runtime.BrakeCounters.TryResetAsync("U0SECOPS", world.Slack.Clock.GetUtcNow(), CancellationToken.None);

        Assert.False(reset);
        Assert.False((await world.Runtime.BrakeCounters.ReadBreakerAsync(CancellationToken.None)).Tripped);
    }
}
