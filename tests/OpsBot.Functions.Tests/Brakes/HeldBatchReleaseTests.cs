using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Integration;

namespace OpsBot.Functions.Tests.Brakes;

/// <summary>
/// The blast-radius batch on moto through the runner: the violations held beyond the account limit are
/// kept per account window, announced once with a Release button, and released by an approver in Slack
/// (each re-read, remediated if it still violates, its audit record settled); a second click does nothing.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class HeldBatchReleaseTests(MotoServer moto)
{
    private const string Stranger = "U0STRANGER";

    [Fact]
    public async Task Of_25_violations_5_are_held_as_one_batch_and_Release_remediates_those_5_once()
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
        Assert.Equal(5, await world.PublicCountAsync(snapshots));
        Assert.Equal([SlackActionIds.ReleaseHeld], world.ButtonsOfPostsWith("BLAST RADIUS"));
        var batch = Assert.Single(await world.Runtime.HeldViolations.ListBatchesAsync(CancellationToken.None));
        Assert.Equal((RemediationWorld.MemberAccount, 5, 5), (batch.Account, batch.Held, batch.Waiting));
        Assert.Equal(5, (await world.Runtime.HeldViolations.ReadViolationsAsync(batch.Key, CancellationToken.None)).Count);
        Assert.Equal(1, (await world.SnsAlertsAsync()).Count(a => a.Contains("BLAST RADIUS", StringComparison.Ordinal)));
        var announcing = audits[20];

        var status = await world.ClickOnAlertAsync(SlackActionIds.ReleaseHeld, announcing, SlackApprovalWorld.UndoUser);

        Assert.Equal(200, status);
        Assert.Equal(0, await world.PublicCountAsync(snapshots));
        var released = new List<AuditDecision>();
        foreach (var audit in audits.Skip(20))
        {
            released.Add(Assert.Single((await world.Runtime.StateStore.ReadAuditAsync(audit.EventId, CancellationToken.None))!.Decisions));
        }

        Assert.All(released, d => Assert.Equal((AuditOutcome.Remediated, true), (d.Outcome, d.CompliantAfter)));
        Assert.All(released, d => Assert.StartsWith($"released by {SlackApprovalWorld.UndoUser}", d.Reason, StringComparison.Ordinal));
        Assert.All(released, d => Assert.True(d.IsRestorable));
        var update = Assert.Single(world.SlackUpdates());
        Assert.Contains("Held batch released", update, StringComparison.Ordinal);
        Assert.Contains("5 remediated, 0 already compliant, 0 failed", update, StringComparison.Ordinal);
        Assert.Equal(5, (await world.SnsAlertsAsync()).Count(a => a.Contains("released by", StringComparison.Ordinal)));
        var click = Assert.Single(await world.Runtime.StateStore.ReadInteractionsAsync(announcing.EventId, CancellationToken.None));
        Assert.Equal((InteractionResult.Released, SlackApprovalWorld.UndoUser), (click.Result, click.UserId));
        batch = Assert.Single(await world.Runtime.HeldViolations.ListBatchesAsync(CancellationToken.None));
        Assert.Equal((5, 5, 0, SlackApprovalWorld.UndoUser), (batch.Held, batch.Released, batch.Waiting, batch.ReleasedBy));

        // Someone re-opens one of them by hand; a second click must not remediate (or record) anything again.
        await world.MemberEc2.ModifySnapshotAttributeAsync(new() { SnapshotId = snapshots[24], Attribute = Amazon.EC2.SnapshotAttributeName.CreateVolumePermission, OperationType = Amazon.EC2.OperationType.Add, GroupNames = ["all"] });
        world.Slack.Clock.Advance(TimeSpan.FromSeconds(5));
        var again = await world.ClickOnAlertAsync(SlackActionIds.ReleaseHeld, announcing, SlackApprovalWorld.UndoUser);

        Assert.Equal(200, again);
        Assert.True(await world.IsPublicAsync(snapshots[24]));
        Assert.Single(world.SlackUpdates());
        Assert.Contains(world.Slack.Notices(), n => n.Contains("Nothing held is left to release", StringComparison.Ordinal));
        Assert.DoesNotContain(await world.SnsAlertsAsync(), a => a.Contains("released by", StringComparison.Ordinal));
        Assert.Equal(5, Assert.Single(await world.Runtime.HeldViolations.ListBatchesAsync(CancellationToken.None)).Released);
        var clicks = await world.Runtime.StateStore.ReadInteractionsAsync(announcing.EventId, CancellationToken.None);
        Assert.Equal([InteractionResult.Released, InteractionResult.Refused], clicks.OrderBy(c => c.RecordedAt).Select(c => c.Result));
    }

    [Fact]
    public async Task Someone_who_is_neither_an_approver_nor_an_undo_user_cannot_release()
    {
        await using var world = await BrakesWorld.CreateAsync(moto, s => s with { Brakes = s.Brakes with { AccountActions = 1 } });
        var first = await world.CreateSnapshotAsync();
        var second = await world.CreateSnapshotAsync();
        await world.OpenAndProcessAsync(first);
        var announcing = await world.OpenAndProcessAsync(second);

        var status = await world.ClickOnAlertAsync(SlackActionIds.ReleaseHeld, announcing, Stranger);

        Assert.Equal(200, status);
        Assert.True(await world.IsPublicAsync(second));
        Assert.Empty(world.SlackUpdates());
        Assert.Contains(world.Slack.Notices(), n => n.Contains("can release held violations", StringComparison.Ordinal));
        Assert.Equal(AuditOutcome.Notified, (await world.Runtime.StateStore.ReadAuditAsync(announcing.EventId, CancellationToken.None))!.Outcome);
        Assert.Equal(1, Assert.Single(await world.Runtime.HeldViolations.ListBatchesAsync(CancellationToken.None)).Waiting);
    }

    [Fact]
    public async Task A_held_violation_fixed_by_hand_meanwhile_is_released_as_already_compliant_and_nothing_changes()
    {
        await using var world = await BrakesWorld.CreateAsync(moto, s => s with { Brakes = s.Brakes with { AccountActions = 1 } });
        var first = await world.CreateSnapshotAsync();
        var second = await world.CreateSnapshotAsync();
        await world.OpenAndProcessAsync(first);
        var announcing = await world.OpenAndProcessAsync(second);
        await world.MemberEc2.ModifySnapshotAttributeAsync(new() { SnapshotId = second, Attribute = Amazon.EC2.SnapshotAttributeName.CreateVolumePermission, OperationType = Amazon.EC2.OperationType.Remove, GroupNames = ["all"] });

        await world.ClickOnAlertAsync(SlackActionIds.ReleaseHeld, announcing, SlackApprovalWorld.UndoUser);

        var settled = Assert.Single((await world.Runtime.StateStore.ReadAuditAsync(announcing.EventId, CancellationToken.None))!.Decisions);
        Assert.Equal(AuditOutcome.Skipped, settled.Outcome);
        Assert.Contains("no longer violates", settled.Reason, StringComparison.Ordinal);
        Assert.Contains("0 remediated, 1 already compliant, 0 failed", Assert.Single(world.SlackUpdates()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_resource_held_twice_in_a_window_is_one_violation_and_both_records_are_settled()
    {
        await using var world = await BrakesWorld.CreateAsync(moto, s => s with { Brakes = s.Brakes with { AccountActions = 1 } });
        var first = await world.CreateSnapshotAsync();
        var twice = await world.CreateSnapshotAsync();
        await world.OpenAndProcessAsync(first);
        var announcing = await world.OpenAndProcessAsync(twice);
        var repeat = await world.OpenAndProcessAsync(twice);

        var batch = Assert.Single(await world.Runtime.HeldViolations.ListBatchesAsync(CancellationToken.None));
        Assert.Equal(1, batch.Held);
        Assert.Equal(AuditOutcome.Held, repeat.Outcome);

        await world.ClickOnAlertAsync(SlackActionIds.ReleaseHeld, announcing, SlackApprovalWorld.UndoUser);

        Assert.False(await world.IsPublicAsync(twice));
        Assert.Equal(AuditOutcome.Remediated, (await world.Runtime.StateStore.ReadAuditAsync(announcing.EventId, CancellationToken.None))!.Outcome);
        var other = Assert.Single((await world.Runtime.StateStore.ReadAuditAsync(repeat.EventId, CancellationToken.None))!.Decisions);
        Assert.Equal(AuditOutcome.Skipped, other.Outcome);
        Assert.Contains($"remediated once, recorded with event {announcing.EventId}", other.Reason, StringComparison.Ordinal);
    }
}
