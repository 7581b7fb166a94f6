using OpsBot.Cli.Local;
using OpsBot.Functions.Approvals;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Rds;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Integration;

namespace OpsBot.Functions.Tests.Resources;

/// <summary>
/// The shipped snapshot policies end to end on moto: a real-shaped CloudTrail event, the member
/// account reached through the assumed remediation role, 'all' removed from the restore attribute
/// there while the account shares stay, the audit record, and undo through the approval workflow.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RdsSnapshotRemediationTests(MotoServer moto)
{
    private const string Partner = "210987654321";

    [Fact]
    public async Task A_public_db_snapshot_loses_all_keeps_its_account_share_and_undo_makes_it_public_again()
    {
        await using var world = await RdsSnapshotWorld.CreateAsync(moto);
        var snapshot = await world.CreateDbSnapshotAsync("orders", ("team", "orders"));
        await world.Snapshots.ModifyRestoreAsync(RdsSnapshotKind.DbSnapshot, snapshot, ["all", Partner], [], CancellationToken.None);
        var before = await world.RestoreAsync(RdsSnapshotKind.DbSnapshot, snapshot);

        var audit = await world.ProcessAsync("rds-modify-db-snapshot-attribute-public", snapshot);

        Assert.Equal([Partner], await world.RestoreAsync(RdsSnapshotKind.DbSnapshot, snapshot));
        Assert.Equal(AuditOutcome.Remediated, audit.Outcome);
        var decision = Assert.Single(audit.Decisions);
        Assert.Equal(("rds-snapshot-public", snapshot, true), (decision.PolicyId, decision.ResourceId, decision.CompliantAfter));
        var change = Assert.Single(decision.Changes!);
        Assert.Equal(["restorable by all"], change.Elements);
        Assert.Contains("\"DBSnapshotAttributesResult\"", change.Before, StringComparison.Ordinal);
        Assert.Contains("\"all\"", change.Before, StringComparison.Ordinal);

        var undo = await world.Runtime.Approvals.HandleAsync(ClickKind.Undo, new SlackActionValue(audit.EventId, decision.PolicyId, snapshot), SlackApprovalWorld.UndoUser, CancellationToken.None);

        Assert.Equal(InteractionResult.Undone, undo.Result);
        Assert.Equal(before, await world.RestoreAsync(RdsSnapshotKind.DbSnapshot, snapshot));
        var stored = await world.Runtime.StateStore.ReadAuditAsync(audit.EventId, CancellationToken.None);
        Assert.Equal(AuditOutcome.Undone, Assert.Single(stored!.Decisions).Outcome);
    }

    [Fact]
    public async Task A_db_snapshot_shared_with_one_account_only_is_left_alone()
    {
        await using var world = await RdsSnapshotWorld.CreateAsync(moto);
        var snapshot = await world.CreateDbSnapshotAsync("orders");
        await world.Snapshots.ModifyRestoreAsync(RdsSnapshotKind.DbSnapshot, snapshot, [Partner], [], CancellationToken.None);

        // The event claims 'all'; the live state decides.
        var audit = await world.ProcessAsync("rds-modify-db-snapshot-attribute-public", snapshot);

        Assert.NotEqual(AuditOutcome.Remediated, audit.Outcome);
        Assert.All(audit.Decisions, d => Assert.Null(d.Changes));
        Assert.Equal([Partner], await world.RestoreAsync(RdsSnapshotKind.DbSnapshot, snapshot));
    }

    [Fact]
    public async Task An_exempt_public_db_snapshot_stays_public()
    {
        await using var world = await RdsSnapshotWorld.CreateAsync(moto);
        var snapshot = await world.CreateDbSnapshotAsync("sample", ("opsbot:exempt", "true"));
        await world.Snapshots.ModifyRestoreAsync(RdsSnapshotKind.DbSnapshot, snapshot, ["all"], [], CancellationToken.None);

        var audit = await world.ProcessAsync("rds-modify-db-snapshot-attribute-exempt", snapshot);

        Assert.NotEqual(AuditOutcome.Remediated, audit.Outcome);
        Assert.Equal(["all"], await world.RestoreAsync(RdsSnapshotKind.DbSnapshot, snapshot));
    }

    [Fact]
    public async Task A_public_db_cluster_snapshot_loses_all_keeps_its_account_share_and_undo_makes_it_public_again()
    {
        await using var world = await RdsSnapshotWorld.CreateAsync(moto);
        var snapshot = await world.CreateDbClusterSnapshotAsync("billing");
        await world.Snapshots.ModifyRestoreAsync(RdsSnapshotKind.DbClusterSnapshot, snapshot, ["all", Partner], [], CancellationToken.None);
        var before = await world.RestoreAsync(RdsSnapshotKind.DbClusterSnapshot, snapshot);

        var audit = await world.ProcessAsync("rds-modify-db-cluster-snapshot-attribute-public", snapshot);

        Assert.Equal([Partner], await world.RestoreAsync(RdsSnapshotKind.DbClusterSnapshot, snapshot));
        var decision = Assert.Single(audit.Decisions);
        Assert.Equal(("rds-cluster-snapshot-public", AuditOutcome.Remediated, true), (decision.PolicyId, decision.Outcome, decision.CompliantAfter));
        var change = Assert.Single(decision.Changes!);
        Assert.Contains("\"DBClusterSnapshotAttributesResult\"", change.Before, StringComparison.Ordinal);

        var undo = await world.Runtime.Approvals.HandleAsync(ClickKind.Undo, new SlackActionValue(audit.EventId, decision.PolicyId, snapshot), SlackApprovalWorld.UndoUser, CancellationToken.None);

        Assert.Equal(InteractionResult.Undone, undo.Result);
        Assert.Equal(before, await world.RestoreAsync(RdsSnapshotKind.DbClusterSnapshot, snapshot));
    }

    [Fact]
    public async Task A_snapshot_that_does_not_exist_reads_as_absent()
    {
        await using var world = await RdsSnapshotWorld.CreateAsync(moto);

        Assert.Null(await world.Snapshots.ReadAsync(RdsSnapshotKind.DbSnapshot, "no-such-snapshot", CancellationToken.None));
        Assert.Null(await world.Snapshots.ReadAsync(RdsSnapshotKind.DbClusterSnapshot, "no-such-snapshot", CancellationToken.None));
    }
}
