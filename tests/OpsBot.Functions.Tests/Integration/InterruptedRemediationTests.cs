using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Pipeline;
using OpsBot.Functions.Tests.Emulator;

namespace OpsBot.Functions.Tests.Integration;

[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class InterruptedRemediationTests(MotoServer moto)
{
    [Fact]
    public async Task A_redelivery_after_an_interrupted_revoke_settles_as_remediated_unconfirmed_and_keeps_what_was_revoked_restorable()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
        var eventId = "evt-" + Guid.NewGuid();
        var body = RemediationPipelineTests.SshAndHttpsEvent(groupId, ruleIds, eventId);
        using var sessions = new AssumeRoleSessions(world.Runtime.Clients, RemediationWorld.Region, OpsBotSettings.DefaultMemberRoleName, TimeProvider.System);
        var state = new InterruptingStateStore(world.Runtime.StateStore, failingWrite: 2);
        var pipeline = new RemediationPipeline(world.Runtime.Policies, state, sessions, new SilentAlerts(), new SilentResultEvents(), new PipelineOptions(false), TimeProvider.System, metrics: new RecordingDeliveryMetrics());

        await Assert.ThrowsAsync<TimeoutException>(() => pipeline.ProcessAsync(body, "m-1", CancellationToken.None));
        var redelivered = await pipeline.ProcessAsync(body, "m-1", CancellationToken.None);

        Assert.Equal(["443 0.0.0.0/0"], (await world.IngressRulesAsync(groupId)).Select(r => $"{r.FromPort} {r.CidrIpv4}"));
        var audit = await world.Runtime.StateStore.ReadAuditAsync(eventId, CancellationToken.None);
        var decision = Assert.Single(audit!.Decisions);
        var revoked = Assert.Single(decision.Revoked);
        Assert.Equal((ruleIds["22 0.0.0.0/0"], 22, "0.0.0.0/0", true), (revoked.RuleId, revoked.FromPort, revoked.Source, revoked.Unconfirmed));
        Assert.Equal((AuditOutcome.Remediated, AuditOutcome.Remediated, false), (audit.Outcome, decision.Outcome, audit.Provisional));
        Assert.Contains(audit.Errors, e => e.StartsWith("redelivered ", StringComparison.Ordinal) && e.Contains("compliant", StringComparison.Ordinal));
        Assert.Contains(redelivered.Audit!.Errors, e => e.StartsWith("redelivered ", StringComparison.Ordinal));
    }
}
