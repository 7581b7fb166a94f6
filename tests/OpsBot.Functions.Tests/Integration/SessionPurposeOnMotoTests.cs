using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Pipeline;
using OpsBot.Functions.Sweep;
using OpsBot.Functions.Tests.Emulator;

namespace OpsBot.Functions.Tests.Integration;

/// <summary>
/// Each function acts through a member session named after what it acts for: the event handler
/// after the event, the sweeper after the finding's audit record (it only reads through its scan
/// session). The CloudTrail event of such a change is then OpsBot's own.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SessionPurposeOnMotoTests(MotoServer moto)
{
    [Fact]
    public async Task The_event_handler_acts_through_a_session_named_after_the_event()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        using var real = new AssumeRoleSessions(world.Runtime.Clients, RemediationWorld.Region, OpsBotSettings.DefaultMemberRoleName, TimeProvider.System);
        var sessions = new RecordingAccountSessions(real);
        var pipeline = Pipeline(world, sessions);
        var (groupId, rules) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));

        var result = await pipeline.ProcessAsync(RemediationPipelineTests.SshAndHttpsEvent(groupId, rules, "evt-" + Guid.NewGuid()), "m-1", CancellationToken.None);

        Assert.Equal(AuditOutcome.Remediated, result.Audit!.Outcome);
        var purpose = Assert.Single(sessions.Purposes);
        Assert.Equal(SessionPurpose.EventHandler(result.Audit.EventId), purpose);
    }

    [Fact]
    public async Task The_sweeper_reads_through_its_scan_session_and_revokes_through_one_named_after_the_finding()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        using var real = new AssumeRoleSessions(world.Runtime.Clients, RemediationWorld.Region, OpsBotSettings.DefaultMemberRoleName, TimeProvider.System);
        var sessions = new RecordingAccountSessions(real);
        var pipeline = Pipeline(world, sessions);
        var sweep = new MissedViolationSweep(pipeline, sessions, new SweepOptions { ActionInterval = TimeSpan.Zero }, TimeProvider.System);
        var (violating, _) = await world.CreateGroupAsync("sweep-named", (3389, "0.0.0.0/0"));

        var result = await sweep.SweepAsync([RemediationWorld.MemberAccount], [RemediationWorld.Region], CancellationToken.None);

        Assert.True(result.Acted >= 1);
        Assert.Empty(await world.IngressRulesAsync(violating));
        Assert.Equal(SessionPurpose.Sweeper(MissedViolationSweep.ScanSession), sessions.Purposes[0]);
        var acting = sessions.Purposes.Skip(1).ToList();
        Assert.NotEmpty(acting);
        Assert.All(acting, p => Assert.Equal(OpsBotFunction.Sweeper, p.Function));
        Assert.All(acting, p => Assert.StartsWith("sweep-", p.AuditId, StringComparison.Ordinal));
        var records = await Task.WhenAll(acting.Select(p => world.Runtime.StateStore.ReadAuditAsync(p.AuditId, CancellationToken.None)));
        Assert.Contains(records, r => r is { Outcome: AuditOutcome.Remediated } && r.Resources.Contains(violating));
    }

    private static RemediationPipeline Pipeline(RemediationWorld world, IAccountSessions sessions) =>
        new(world.Runtime.Policies, world.Runtime.StateStore, sessions, new SilentAlerts(), new SilentResultEvents(), new PipelineOptions(OwnRoleName: OpsBotSettings.DefaultMemberRoleName), TimeProvider.System);
}
