using Amazon.EC2;
using Amazon.EC2.Model;
using OpsBot.Cli.Local;
using OpsBot.Functions.Approvals;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Integration;

namespace OpsBot.Functions.Tests.Resources;

/// <summary>
/// The shipped snapshot policy end to end on moto: a real-shaped ModifySnapshotAttribute event, the
/// member account reached through the assumed remediation role, the group 'all' removed there with
/// the account share kept, the audit record, and undo through the approval workflow.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class Ec2SnapshotRemediationTests(MotoServer moto)
{
    private const string Partner = "444455556666";

    [Fact]
    public async Task A_public_snapshot_loses_only_its_group_all_permission_and_undo_puts_it_back()
    {
        await using var world = await Ec2SharingWorld.CreateAsync(moto);
        var snapshot = await world.CreateSnapshotAsync(("team", "data"));
        await world.MemberEc2.ModifySnapshotAttributeAsync(new ModifySnapshotAttributeRequest { SnapshotId = snapshot, Attribute = SnapshotAttributeName.CreateVolumePermission, OperationType = OperationType.Add, UserIds = [Partner] });
        await world.MemberEc2.ModifySnapshotAttributeAsync(new ModifySnapshotAttributeRequest { SnapshotId = snapshot, Attribute = SnapshotAttributeName.CreateVolumePermission, OperationType = OperationType.Add, GroupNames = ["all"] });
        var before = await world.SnapshotPermissionsAsync(snapshot);
        Assert.Equal([$"account {Partner}", "group all"], before);

        var audit = await world.ProcessAsync("ec2-snapshot-public", "snapshotId", snapshot);

        Assert.Equal([$"account {Partner}"], await world.SnapshotPermissionsAsync(snapshot));
        Assert.Equal(AuditOutcome.Remediated, audit.Outcome);
        var decision = Assert.Single(audit.Decisions);
        Assert.Equal(("ec2-snapshot-public", snapshot, true), (decision.PolicyId, decision.ResourceId, decision.CompliantAfter));
        var change = Assert.Single(decision.Changes!);
        Assert.Equal(["group all"], change.Elements);
        Assert.Equal($$"""{"SnapshotId":"{{snapshot}}","CreateVolumePermissions":[{"Group":"all"},{"UserId":"{{Partner}}"}]}""", change.Before);

        var undo = await world.Runtime.Approvals.HandleAsync(ClickKind.Undo, new SlackActionValue(audit.EventId, decision.PolicyId, snapshot), SlackApprovalWorld.UndoUser, CancellationToken.None);

        Assert.Equal(InteractionResult.Undone, undo.Result);
        Assert.Equal(before, await world.SnapshotPermissionsAsync(snapshot));
        var stored = await world.Runtime.StateStore.ReadAuditAsync(audit.EventId, CancellationToken.None);
        Assert.Equal(AuditOutcome.Undone, Assert.Single(stored!.Decisions).Outcome);
    }

    [Fact]
    public async Task A_snapshot_shared_with_one_account_is_left_alone()
    {
        await using var world = await Ec2SharingWorld.CreateAsync(moto);
        var snapshot = await world.CreateSnapshotAsync();
        await world.MemberEc2.ModifySnapshotAttributeAsync(new ModifySnapshotAttributeRequest { SnapshotId = snapshot, Attribute = SnapshotAttributeName.CreateVolumePermission, OperationType = OperationType.Add, UserIds = [Partner] });

        var audit = await world.ProcessAsync("ec2-snapshot-share-account", "snapshotId", snapshot);

        Assert.NotEqual(AuditOutcome.Remediated, audit.Outcome);
        Assert.DoesNotContain(audit.Decisions, d => d.Changes is { Count: > 0 });
        Assert.Equal([$"account {Partner}"], await world.SnapshotPermissionsAsync(snapshot));
    }

    [Fact]
    public async Task An_exempt_public_snapshot_stays_public()
    {
        await using var world = await Ec2SharingWorld.CreateAsync(moto);
        var snapshot = await world.CreateSnapshotAsync(("opsbot:exempt", "true"));
        await world.MemberEc2.ModifySnapshotAttributeAsync(new ModifySnapshotAttributeRequest { SnapshotId = snapshot, Attribute = SnapshotAttributeName.CreateVolumePermission, OperationType = OperationType.Add, GroupNames = ["all"] });

        var audit = await world.ProcessAsync("ec2-snapshot-public-exempt", "snapshotId", snapshot);

        Assert.NotEqual(AuditOutcome.Remediated, audit.Outcome);
        Assert.Equal(["group all"], await world.SnapshotPermissionsAsync(snapshot));
    }
}
