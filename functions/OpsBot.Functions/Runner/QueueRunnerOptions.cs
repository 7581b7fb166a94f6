namespace OpsBot.Functions.Runner;

/// <summary>How the local runner polls.</summary>
/// <param name="QueueUrl">The queue to poll.</param>
/// <param name="Drain">Stop as soon as a receive comes back empty, instead of polling until cancelled.</param>
/// <param name="BatchSize">Messages per receive (1-10), like the event source mapping's batch size.</param>
/// <param name="WaitTime">Long-poll wait per receive when not draining.</param>
/// <param name="VisibilityTimeout">How long a received message stays hidden; null for the queue's own, as Lambda's event source uses it.</param>
/// <param name="InvocationTimeout">How long one batch may run, like the function's timeout; null for the runtime's setting.</param>
public sealed record QueueRunnerOptions(string QueueUrl, bool Drain = false, int BatchSize = 10, TimeSpan? WaitTime = null, TimeSpan? VisibilityTimeout = null, TimeSpan? InvocationTimeout = null);
