using OpsBot.Cli.Local;
using OpsBot.Functions.Approvals;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Resources.CloudTrailTrail;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Integration;

namespace OpsBot.Functions.Tests.Resources;

/// <summary>
/// The shipped trail policies end to end on moto: a real-shaped CloudTrail event, the member account
/// reached through the assumed remediation role, the change made there, the audit record, and undo
/// through the approval workflow the Slack buttons drive.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CloudTrailTrailRemediationTests(MotoServer moto)
{
    [Fact]
    public async Task A_stopped_trail_logs_again_and_undo_stops_it_again()
    {
        await using var world = await CloudTrailTrailWorld.CreateAsync(moto);
        var (trail, _) = await world.CreateLoggingTrailAsync("audit");
        await world.StopLoggingAsync(trail);
        Assert.False(await world.IsLoggingAsync(trail));

        var audit = await world.ProcessAsync("cloudtrail-stop-logging", trail);

        Assert.True(await world.IsLoggingAsync(trail));
        Assert.Equal(AuditOutcome.Remediated, audit.Outcome);
        var decision = Assert.Single(audit.Decisions);
        Assert.Equal(("cloudtrail-logging-stopped", trail, true), (decision.PolicyId, decision.ResourceId, decision.CompliantAfter));
        var change = Assert.Single(decision.Changes!);
        Assert.Equal(("start-logging", CloudTrailTrailAdapter.StoppedState), (change.Action, change.Before));

        var undo = await world.Runtime.Approvals.HandleAsync(ClickKind.Undo, new SlackActionValue(audit.EventId, decision.PolicyId, trail), SlackApprovalWorld.UndoUser, CancellationToken.None);

        Assert.Equal(InteractionResult.Undone, undo.Result);
        Assert.False(await world.IsLoggingAsync(trail));
        var stored = await world.Runtime.StateStore.ReadAuditAsync(audit.EventId, CancellationToken.None);
        Assert.Equal(AuditOutcome.Undone, Assert.Single(stored!.Decisions).Outcome);
    }

    [Fact]
    public async Task A_trail_named_by_its_arn_is_read_by_that_arn_and_started_by_name()
    {
        await using var world = await CloudTrailTrailWorld.CreateAsync(moto);
        var (trail, arn) = await world.CreateLoggingTrailAsync("audit");
        await world.StopLoggingAsync(trail);

        var audit = await world.ProcessAsync("cloudtrail-stop-logging-arn", arn);

        Assert.Equal(AuditOutcome.Remediated, audit.Outcome);
        Assert.Equal(trail, Assert.Single(audit.Decisions).ResourceId);
        Assert.True(await world.IsLoggingAsync(trail));
    }

    [Fact]
    public async Task A_deleted_trail_is_notified_although_it_no_longer_exists()
    {
        await using var world = await CloudTrailTrailWorld.CreateAsync(moto);
        var (trail, arn) = await world.CreateLoggingTrailAsync("audit");
        await world.DeleteTrailAsync(trail);

        var audit = await world.ProcessAsync("cloudtrail-delete-trail", arn);

        Assert.Equal(AuditOutcome.Notified, audit.Outcome);
        var decision = Assert.Single(audit.Decisions);
        Assert.Equal(("cloudtrail-trail-deleted", trail, "notify"), (decision.PolicyId, decision.ResourceId, decision.Mode));
    }
}
