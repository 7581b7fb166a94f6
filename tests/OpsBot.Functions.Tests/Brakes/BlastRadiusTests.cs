using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Tests.Emulator;

namespace OpsBot.Functions.Tests.Brakes;

/// <summary>
/// The blast-radius limit on moto with the default of 20 automatic actions per member account per 10
/// minutes: 25 public snapshots in one account at once, run one after another (moto's conditional
/// writes are not atomic under truly parallel requests).
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class BlastRadiusTests(MotoServer moto)
{
    [Fact]
    public async Task Of_25_violations_in_one_account_20_are_remediated_and_5_held_with_one_announcement()
    {
        await using var world = await BrakesWorld.CreateAsync(moto);
        var snapshots = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            snapshots.Add(await world.CreateSnapshotAsync());
        }

        var audits = new List<AuditRecord>();
        foreach (var snapshot in snapshots)
        {
            audits.Add(await world.OpenAndProcessAsync(snapshot));
        }

        Assert.Equal(20, audits.Count(a => a.Outcome == AuditOutcome.Remediated));
        var held = audits.Skip(20).Select(a => Assert.Single(a.Decisions)).ToList();
        Assert.All(held, d => Assert.Contains("blast radius", d.Reason, StringComparison.OrdinalIgnoreCase));
        Assert.Equal([AuditOutcome.Notified, AuditOutcome.Held, AuditOutcome.Held, AuditOutcome.Held, AuditOutcome.Held], held.Select(d => d.Outcome));
        var stillPublic = 0;
        foreach (var snapshot in snapshots)
        {
            stillPublic += await world.IsPublicAsync(snapshot) ? 1 : 0;
        }

        Assert.Equal(5, stillPublic);
        Assert.Equal(1, world.SlackPosts().Count(p => p.Contains("BLAST RADIUS", StringComparison.Ordinal)));
        Assert.Equal(21, world.SlackPosts().Count);
        Assert.Equal(1, (await world.SnsAlertsAsync()).Count(a => a.Contains("BLAST RADIUS", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_next_window_acts_again()
    {
        await using var world = await BrakesWorld.CreateAsync(moto, s => s with { Brakes = s.Brakes with { AccountActions = 2 } });
        var snapshots = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            snapshots.Add(await world.CreateSnapshotAsync());
        }

        for (var i = 0; i < 3; i++)
        {
            await world.OpenAndProcessAsync(snapshots[i]);
        }

        world.Slack.Clock.Advance(TimeSpan.FromMinutes(10));

        var next = await world.OpenAndProcessAsync(snapshots[3]);

        Assert.Equal(AuditOutcome.Remediated, next.Outcome);
        Assert.True(await world.IsPublicAsync(snapshots[2]));
    }
}
