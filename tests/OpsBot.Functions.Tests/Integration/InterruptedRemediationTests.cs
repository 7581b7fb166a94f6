using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.EventBridge;
using OpsBot.Functions.Aws.Sns;
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
    public async Task A_redelivery_after_an_interrupted_revoke_keeps_what_was_revoked_so_it_can_be_restored()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
        var eventId = "evt-" + Guid.NewGuid();
        var body = RemediationPipelineTests.SshAndHttpsEvent(groupId, ruleIds, eventId);
        using var sessions = new AssumeRoleSessions(world.Runtime.Clients, RemediationWorld.Region, OpsBotSettings.DefaultMemberRoleName, TimeProvider.System);
        var state = new InterruptingStateStore(world.Runtime.StateStore, failingWrite: 2);
        var pipeline = new RemediationPipeline(world.Runtime.Policies, state, sessions, new SilentAlerts(), new SilentEvents(), new PipelineOptions(false), TimeProvider.System);

        await Assert.ThrowsAsync<TimeoutException>(() => pipeline.ProcessAsync(body, "m-1", CancellationToken.None));
        var redelivered = await pipeline.ProcessAsync(body, "m-1", CancellationToken.None);

        Assert.Equal(["443 0.0.0.0/0"], (await world.IngressRulesAsync(groupId)).Select(r => $"{r.FromPort} {r.CidrIpv4}"));
        var audit = await world.Runtime.StateStore.ReadAuditAsync(eventId, CancellationToken.None);
        var revoked = Assert.Single(Assert.Single(audit!.Decisions).Revoked);
        Assert.Equal((ruleIds["22 0.0.0.0/0"], 22, "0.0.0.0/0"), (revoked.RuleId, revoked.FromPort, revoked.Source));
        Assert.Contains(audit.Errors, e => e.StartsWith("redelivered ", StringComparison.Ordinal) && e.Contains("compliant", StringComparison.Ordinal));
        Assert.Contains(redelivered.Audit!.Errors, e => e.StartsWith("redelivered ", StringComparison.Ordinal));
    }

    private sealed class SilentAlerts : IAlertPublisher
    {
        public Task<string> PublishAsync(Alert alert, CancellationToken cancellationToken) => Task.FromResult("message-id");
    }

    private sealed class SilentEvents : IResultEventPublisher
    {
        public Task<string> PutAsync(string detailType, string detailJson, CancellationToken cancellationToken) => Task.FromResult("event-id");
    }
}
