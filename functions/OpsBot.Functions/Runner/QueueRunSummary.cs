namespace OpsBot.Functions.Runner;

/// <summary>What a run of the queue runner did.</summary>
/// <param name="Received">Messages received.</param>
/// <param name="Deleted">Messages processed and deleted.</param>
/// <param name="Failed">Messages left in the queue for redelivery.</param>
/// <param name="Batches">Non-empty batches handled.</param>
public sealed record QueueRunSummary(int Received, int Deleted, int Failed, int Batches);
