using OpsBot.Functions.Audit;
using OpsBot.Functions.Runner;
using OpsBot.Cli.Local;
using OpsBot.Functions.Tests.Emulator;

namespace OpsBot.Functions.Tests.Integration;

[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class QueueRunnerTests(MotoServer moto)
{
    [Fact]
    public async Task Drains_the_queue_deleting_processed_and_rejected_messages()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
        var eventId = "evt-" + Guid.NewGuid();
        await world.Sqs.SendMessageAsync(world.EventQueueUrl, RemediationPipelineTests.SshAndHttpsEvent(groupId, ruleIds, eventId));
        await world.Sqs.SendMessageAsync(world.EventQueueUrl, "this is not an event");
        var runner = world.Runtime.CreateQueueRunner(new QueueRunnerOptions(world.EventQueueUrl, Drain: true));

        var summary = await runner.RunAsync(CancellationToken.None);

        Assert.Equal((2, 2, 0), (summary.Received, summary.Deleted, summary.Failed));
        Assert.Equal(AuditOutcome.Remediated, (await world.Runtime.StateStore.ReadAuditAsync(eventId, CancellationToken.None))!.Outcome);
        var attributes = await world.Sqs.GetQueueAttributesAsync(world.EventQueueUrl, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]);
        Assert.Equal((0, 0), (attributes.ApproximateNumberOfMessages, attributes.ApproximateNumberOfMessagesNotVisible));
    }

    [Fact]
    public async Task Stops_polling_when_cancelled()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var runner = world.Runtime.CreateQueueRunner(new QueueRunnerOptions(world.EventQueueUrl, WaitTime: TimeSpan.FromSeconds(1)));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));

        var summary = await runner.RunAsync(cancel.Token);

        Assert.Equal(0, summary.Received);
    }
}
