using OpsBot.Cli.Local;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Lambda;
using OpsBot.Functions.Pipeline;
using OpsBot.Functions.Tests.Emulator;

namespace OpsBot.Functions.Tests.Integration;

[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class TimeBudgetTests(MotoServer moto)
{
    [Fact]
    public async Task Messages_are_not_started_with_less_than_their_budget_left_and_are_reported_for_redelivery()
    {
        await using var world = await RemediationWorld.CreateAsync(moto, adjust: s => s with { MessageBudget = TimeSpan.FromSeconds(20) });
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
        var eventId = "evt-" + Guid.NewGuid();
        var notStarted = new List<Exception?>();
        world.Runtime.EventHandler.MessageProcessed += (_, e) => notStarted.Add(e.Error);

        var response = await world.Runtime.EventHandler.HandleAsync(
            new SqsBatchEvent([new SqsMessage("m-1", RemediationPipelineTests.SshAndHttpsEvent(groupId, ruleIds, eventId))]),
            DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10),
            CancellationToken.None);

        Assert.Equal(["m-1"], response.BatchItemFailures.Select(f => f.ItemIdentifier));
        Assert.IsType<MessageNotStartedException>(Assert.Single(notStarted));
        Assert.Null(await world.Runtime.StateStore.ReadAuditAsync(eventId, CancellationToken.None));
        Assert.Equal(2, (await world.IngressRulesAsync(groupId)).Count);
    }

    [Fact]
    public async Task A_message_that_outruns_its_budget_is_cancelled_and_reported_and_the_next_one_still_runs()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var (slowGroup, slowRules) = await world.CreateGroupAsync("slow", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
        var (fastGroup, fastRules) = await world.CreateGroupAsync("fast", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
        var slowEvent = "evt-" + Guid.NewGuid();
        using var sessions = new AssumeRoleSessions(world.Runtime.Clients, RemediationWorld.Region, OpsBotSettings.DefaultMemberRoleName, TimeProvider.System);
        var state = new SlowAuditReads(world.Runtime.StateStore, new HashSet<string> { slowEvent });
        var pipeline = new RemediationPipeline(world.Runtime.Policies, state, sessions, new SilentAlerts(), new SilentResultEvents(), new PipelineOptions(), TimeProvider.System, metrics: new RecordingDeliveryMetrics());
        // Room for the fast message on a loaded machine (it also assumes the member role first); the slow one hangs for good.
        var handler = new EventHandlerFunction(pipeline, TimeSpan.FromSeconds(4), TimeProvider.System);

        var started = DateTimeOffset.UtcNow;
        var response = await handler.HandleAsync(
            new SqsBatchEvent(
            [
                new SqsMessage("m-slow", RemediationPipelineTests.SshAndHttpsEvent(slowGroup, slowRules, slowEvent)),
                new SqsMessage("m-fast", RemediationPipelineTests.SshAndHttpsEvent(fastGroup, fastRules, "evt-" + Guid.NewGuid())),
            ]),
            DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30),
            CancellationToken.None);

        Assert.Equal(["m-slow"], response.BatchItemFailures.Select(f => f.ItemIdentifier));
        Assert.InRange(DateTimeOffset.UtcNow - started, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Equal(["443"], (await world.IngressRulesAsync(fastGroup)).Select(r => r.FromPort.ToString()));
        Assert.Equal(2, (await world.IngressRulesAsync(slowGroup)).Count);
    }
}
