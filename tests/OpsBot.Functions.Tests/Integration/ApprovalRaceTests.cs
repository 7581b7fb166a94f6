using OpsBot.Functions.Approvals;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.State;
using OpsBot.Cli.Local;
using OpsBot.Functions.Tests.Emulator;

namespace OpsBot.Functions.Tests.Integration;

[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ApprovalRaceTests(MotoServer moto)
{
    [Fact]
    public async Task Two_approvers_who_both_saw_the_request_pending_act_once()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto);
        var (groupId, _, _, audit) = await world.OpenSshAndProcessAsync();
        var pending = (await world.PendingAsync(audit)).Action;
        var state = new RendezvousStateStore(world.Runtime.StateStore, parties: 2);
        using var sessions = new AssumeRoleSessions(world.Runtime.Clients, RemediationWorld.Region, OpsBotSettings.DefaultMemberRoleName, world.Clock);
        var workflow = new ApprovalWorkflow(world.Runtime.Policies, state, sessions, world.Clock, []);
        var target = new SlackActionValue(pending.EventId, pending.PolicyId, pending.ResourceId);

        var outcomes = await Task.WhenAll(
            Task.Run(() => workflow.HandleAsync(ClickKind.Approve, target, "U0APPROVER1", CancellationToken.None)),
            Task.Run(() => workflow.HandleAsync(ClickKind.Approve, target, "U0APPROVER2", CancellationToken.None)));

        var won = Assert.Single(outcomes, o => o.Result == InteractionResult.Approved);
        var lost = Assert.Single(outcomes, o => o.Result == InteractionResult.Refused);
        Assert.StartsWith("already handled by U0APPROVER", lost.Reason, StringComparison.Ordinal);
        Assert.NotNull(won.Update);
        Assert.Null(lost.Update);
        Assert.Single(await world.World.IngressRulesAsync(groupId));
    }

    [Fact]
    public async Task Only_the_first_of_several_status_changes_from_pending_succeeds()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto);
        var (_, _, _, audit) = await world.OpenSshAndProcessAsync();
        var pending = (await world.PendingAsync(audit)).Action;
        var store = world.Runtime.StateStore;

        // One after the other: DynamoDB applies a conditional update atomically, but moto does not lock
        // an item, so truly parallel updates there can both pass their condition (seen under load). The
        // clickers that both read "pending" are staged by RendezvousStateStore in the test above.
        var moved = new List<bool>();
        for (var i = 0; i < 4; i++)
        {
            moved.Add(await store.TryMovePendingAsync(pending, PendingStatus.Pending, i % 2 == 0 ? PendingStatus.Approved : PendingStatus.Denied, $"U0CLICKER{i}", world.Clock.GetUtcNow(), CancellationToken.None));
        }

        Assert.Equal([true, false, false, false], moved);
        var stored = await world.PendingAsync(audit);
        Assert.NotEqual(PendingStatus.Pending, stored.Status);
        Assert.StartsWith("U0CLICKER", stored.HandledBy, StringComparison.Ordinal);
    }
}
