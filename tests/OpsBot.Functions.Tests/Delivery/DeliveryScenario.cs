namespace OpsBot.Functions.Tests.Delivery;

/// <summary>One fault-injection run: how many events and duplicates, how often calls fail, and which workers die.</summary>
/// <param name="Seed">Seeds the fault plan and the order of the messages.</param>
/// <param name="Events">Distinct events, one per member security group opened to SSH and HTTPS.</param>
/// <param name="DuplicatedEvents">How many of the events are delivered again.</param>
/// <param name="DuplicatesEach">Extra deliveries of each duplicated event.</param>
/// <param name="FaultProbability">The chance that any call to EC2, STS, DynamoDB, SNS or EventBridge is faulted.</param>
/// <param name="Kill">Where workers are killed.</param>
/// <param name="Kills">How many workers are killed (each after its first such call).</param>
public sealed record DeliveryScenario(int Seed, int Events, int DuplicatedEvents, int DuplicatesEach, double FaultProbability, WorkerKill Kill, int Kills)
{
    /// <summary>The figures: 50 groups, 10 of their events delivered 5 more times, 20 % of calls faulted.</summary>
    public static DeliveryScenario Standard(int seed, WorkerKill kill = WorkerKill.None, int kills = 0) => new(seed, 50, 10, 5, 0.2, kill, kills);

    /// <summary>Messages sent in all.</summary>
    public int Messages => Events + (DuplicatedEvents * DuplicatesEach);
}
