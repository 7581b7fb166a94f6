using OpsBot.Cli.Local;
using OpsBot.Functions.Tests.Emulator;
using Xunit.Abstractions;

namespace OpsBot.Functions.Tests.Delivery;

/// <summary>
/// Nothing lost, nothing doubled: 50 events (10 of them delivered 5 more times) through the real
/// runner and handler while 20 % of every call to EC2, STS, DynamoDB, SNS and EventBridge is throttled,
/// answered 500/503, dropped before or after it took effect, or delayed past the client's timeout;
/// and again with workers killed right after a claim and right after a revoke. Every count comes from
/// moto and the queues. The figures are in docs/reliability.md.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "FaultInjection")]
public sealed class DeliveryUnderFaultsTests(MotoServer moto, ITestOutputHelper output)
{
    [Fact]
    public Task Under_mixed_faults_no_event_is_lost_no_group_left_open_and_nothing_is_done_or_announced_twice() =>
        RunAndAssertAsync(DeliveryScenario.Standard(seed: 8));

    [Fact]
    public Task With_workers_killed_right_after_claiming_every_event_still_ends_remediated_once() =>
        RunAndAssertAsync(DeliveryScenario.Standard(seed: 9, WorkerKill.AfterClaim, kills: 3));

    [Fact]
    public Task With_workers_killed_right_after_revoking_every_event_still_ends_remediated_once_and_restorable() =>
        RunAndAssertAsync(DeliveryScenario.Standard(seed: 10, WorkerKill.AfterRevoke, kills: 3));

    private async Task RunAndAssertAsync(DeliveryScenario scenario)
    {
        await using var world = await DeliveryWorld.CreateAsync(moto, scenario);

        var outcome = await world.RunAsync();

        output.WriteLine(outcome.ToString());
        output.WriteLine(string.Join(Environment.NewLine, outcome.LostEvents));
        Assert.Equal(0, outcome.EventsLost);
        Assert.Equal(0, outcome.InDeadLetterQueue);
        Assert.Equal(0, outcome.GroupsLeftOpen);
        Assert.Equal(0, outcome.HttpsRulesTouched);
        Assert.Equal(scenario.Events, outcome.EffectiveRevokes);
        Assert.Equal(scenario.Events, outcome.Remediated);
        Assert.Equal(scenario.Events, outcome.EventsWithOneAlert);
        Assert.Equal(scenario.Events, outcome.EventsWithOneResultEvent);
        Assert.Equal(0, outcome.AnnouncementsGivenUp);
    }
}
