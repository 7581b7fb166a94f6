using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Integration;

namespace OpsBot.Functions.Tests.Brakes;

/// <summary>
/// The circuit breaker's Slack message on moto through the runner, its rate lowered to 3 automatic actions
/// a minute: the trip message carries Reset breaker; a breaker approver's click restores enforcement and
/// is recorded; anyone else's click is refused and changes nothing.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class BreakerResetFromSlackTests(MotoServer moto)
{
    private const string Stranger = "U0STRANGER";
    private const string BreakerApprover = "U0BREAKER";

    [Fact]
    public async Task An_undo_user_resets_the_tripped_breaker_from_its_message_and_enforcement_resumes()
    {
        await using var world = await BrakesWorld.CreateAsync(moto, s => s with { Brakes = s.Brakes with { BreakerActions = 3 } });
        var (trip, snapshots) = await TripAsync(world);
        Assert.Equal([SlackActionIds.ResetBreaker], world.ButtonsOfPostsWith("CIRCUIT BREAKER TRIPPED"));
        Assert.Equal(AuditOutcome.Notified, (await world.OpenAndProcessAsync(snapshots[4])).Outcome);

        var refused = await world.ClickOnAlertAsync(SlackActionIds.ResetBreaker, trip, Stranger);

        Assert.Equal(200, refused);
        Assert.True((await world.Runtime.BrakeCounters.ReadBreakerAsync(CancellationToken.None)).Tripped);
        Assert.Contains(world.Slack.Notices(), n => n.Contains("Only OpsBot's breaker approvers", StringComparison.Ordinal));
        Assert.Equal(AuditOutcome.Notified, (await world.OpenAndProcessAsync(snapshots[4])).Outcome);
        Assert.Empty(world.SlackUpdates());

        world.Slack.Clock.Advance(TimeSpan.FromSeconds(5));
        var clicked = world.Slack.Clock.GetUtcNow();
        var status = await world.ClickOnAlertAsync(SlackActionIds.ResetBreaker, trip, SlackApprovalWorld.UndoUser);

        Assert.Equal(200, status);
        var breaker = await world.Runtime.BrakeCounters.ReadBreakerAsync(CancellationToken.None);
        Assert.Equal((false, SlackApprovalWorld.UndoUser), (breaker.Tripped, breaker.ResetBy));
        Assert.InRange(breaker.ResetAt!.Value, clicked, world.Slack.Clock.GetUtcNow());
        Assert.Contains("Circuit breaker reset", Assert.Single(world.SlackUpdates()), StringComparison.Ordinal);
        Assert.Contains($"circuit breaker reset by {SlackApprovalWorld.UndoUser}", (await world.Runtime.StateStore.ReadAuditAsync(trip.EventId, CancellationToken.None))!.Reason, StringComparison.Ordinal);
        var clicks = await world.Runtime.StateStore.ReadInteractionsAsync(trip.EventId, CancellationToken.None);
        Assert.Equal([InteractionResult.Refused, InteractionResult.BreakerReset], clicks.OrderBy(c => c.RecordedAt).Select(c => c.Result));

        world.Slack.Clock.Advance(TimeSpan.FromMinutes(1));
        var after = await world.OpenAndProcessAsync(snapshots[5]);

        Assert.Equal(AuditOutcome.Remediated, after.Outcome);
        Assert.False(await world.IsPublicAsync(snapshots[5]));
    }

    [Fact]
    public async Task A_second_click_changes_nothing()
    {
        await using var world = await BrakesWorld.CreateAsync(moto, s => s with { Brakes = s.Brakes with { BreakerActions = 3 } });
        var (trip, _) = await TripAsync(world);
        await world.ClickOnAlertAsync(SlackActionIds.ResetBreaker, trip, SlackApprovalWorld.UndoUser);
        var first = await world.Runtime.BrakeCounters.ReadBreakerAsync(CancellationToken.None);
        world.Slack.Clock.Advance(TimeSpan.FromSeconds(5));

        var again = await world.ClickOnAlertAsync(SlackActionIds.ResetBreaker, trip, SlackApprovalWorld.UndoUser);

        Assert.Equal(200, again);
        Assert.Equal(first, await world.Runtime.BrakeCounters.ReadBreakerAsync(CancellationToken.None));
        Assert.Single(world.SlackUpdates());
        Assert.Contains(world.Slack.Notices(), n => n.Contains("Already reset by", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_breaker_approvers_configured_only_they_may_reset_not_the_undo_users()
    {
        await using var world = await BrakesWorld.CreateAsync(moto, s => s with { Brakes = s.Brakes with { BreakerActions = 3, BreakerApprovers = [BreakerApprover] } });
        var (trip, _) = await TripAsync(world);

        await world.ClickOnAlertAsync(SlackActionIds.ResetBreaker, trip, SlackApprovalWorld.UndoUser);
        var stillTripped = (await world.Runtime.BrakeCounters.ReadBreakerAsync(CancellationToken.None)).Tripped;
        await world.ClickOnAlertAsync(SlackActionIds.ResetBreaker, trip, BreakerApprover);

        Assert.True(stillTripped);
        var breaker = await world.Runtime.BrakeCounters.ReadBreakerAsync(CancellationToken.None);
        Assert.Equal((false, BreakerApprover), (breaker.Tripped, breaker.ResetBy));
    }

    [Fact]
    public async Task The_button_of_an_earlier_trip_does_not_reset_a_later_one()
    {
        await using var world = await BrakesWorld.CreateAsync(moto, s => s with { Brakes = s.Brakes with { BreakerActions = 3 } });
        var (trip, _) = await TripAsync(world);
        Assert.True(await world.Runtime.BrakeCounters.TryResetAsync("cli:tester", world.Slack.Clock.GetUtcNow(), CancellationToken.None));
        world.Slack.Clock.Advance(TimeSpan.FromMinutes(1));
        var (later, _) = await TripAsync(world);

        await world.ClickOnAlertAsync(SlackActionIds.ResetBreaker, trip, SlackApprovalWorld.UndoUser);

        Assert.True((await world.Runtime.BrakeCounters.ReadBreakerAsync(CancellationToken.None)).Tripped);
        Assert.Contains(world.Slack.Notices(), n => n.Contains("tripped again since this message", StringComparison.Ordinal));
        await world.ClickOnAlertAsync(SlackActionIds.ResetBreaker, later, SlackApprovalWorld.UndoUser);
        Assert.False((await world.Runtime.BrakeCounters.ReadBreakerAsync(CancellationToken.None)).Tripped);
    }

    // Four violations in one minute: the fourth trips the breaker; returns its record and two spare snapshots.
    private static async Task<(AuditRecord Trip, IReadOnlyList<string> Snapshots)> TripAsync(BrakesWorld world)
    {
        var snapshots = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            snapshots.Add(await world.CreateSnapshotAsync());
        }

        AuditRecord? trip = null;
        for (var i = 0; i < 4; i++)
        {
            trip = await world.OpenAndProcessAsync(snapshots[i]);
        }

        Assert.StartsWith("CIRCUIT BREAKER TRIPPED", Assert.Single(trip!.Decisions).Reason, StringComparison.Ordinal);
        return (trip, snapshots);
    }
}
