using OpsBot.Cli.Local;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Functions.Brakes;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Integration;

namespace OpsBot.Functions.Tests.Brakes;

/// <summary>
/// A batch larger than one click's share on moto: the click releases its share, leaves the message (and
/// its Release button) in place and says to press again; the next click releases the rest and settles the message.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PartialReleaseTests(MotoServer moto)
{
    [Fact]
    public async Task A_batch_beyond_one_clicks_share_is_released_over_two_clicks_each_violation_once()
    {
        await using var world = await BrakesWorld.CreateAsync(moto, s => s with { Brakes = s.Brakes with { AccountActions = 1 } });
        var snapshots = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            snapshots.Add(await world.CreateSnapshotAsync());
        }

        var audits = new List<OpsBot.Functions.Audit.AuditRecord>();
        foreach (var snapshot in snapshots)
        {
            audits.Add(await world.OpenAndProcessAsync(snapshot));
        }

        Assert.Equal(3, await world.PublicCountAsync(snapshots));
        using var sessions = new AssumeRoleSessions(world.Runtime.Clients, RemediationWorld.Region, world.Runtime.Settings.MemberRoleName, world.Slack.Clock);
        var release = new HeldBatchRelease(world.Runtime.Policies, world.Runtime.StateStore, world.Runtime.HeldViolations, sessions, world.Slack.Clock, [SlackApprovalWorld.UndoUser], maxPerClick: 2);
        var decision = Assert.Single(audits[1].Decisions);
        var target = new SlackActionValue(audits[1].EventId, decision.PolicyId, decision.ResourceId);

        var first = await release.ReleaseAsync(target, SlackApprovalWorld.UndoUser, MayAct, CancellationToken.None);

        Assert.Null(first.Update);
        Assert.Contains("2 remediated, 0 already compliant, 0 failed", first.Notice, StringComparison.Ordinal);
        Assert.Contains("Press Release again", first.Notice, StringComparison.Ordinal);
        Assert.Equal(1, await world.PublicCountAsync(snapshots));
        Assert.Equal(1, Assert.Single(await world.Runtime.HeldViolations.ListBatchesAsync(CancellationToken.None)).Waiting);

        var second = await release.ReleaseAsync(target, SlackApprovalWorld.UndoUser, MayAct, CancellationToken.None);

        Assert.NotNull(second.Update);
        Assert.Equal(SlackResultKind.Released, second.Update.Kind);
        Assert.Contains("1 remediated, 0 already compliant, 0 failed", second.Update.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await world.PublicCountAsync(snapshots));
        var batch = Assert.Single(await world.Runtime.HeldViolations.ListBatchesAsync(CancellationToken.None));
        Assert.Equal((3, 3, 0), (batch.Held, batch.Released, batch.Waiting));
    }

    private static Task<(bool Allowed, string Problem)> MayAct(IReadOnlyList<string> allowed, string userId, CancellationToken cancellationToken) =>
        Task.FromResult((allowed.Contains(userId), ""));
}
