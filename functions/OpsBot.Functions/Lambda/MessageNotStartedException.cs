namespace OpsBot.Functions.Lambda;

/// <summary>
/// A message of the batch was not started: too little of the invocation was left for it. It is
/// reported as a batch item failure, so SQS delivers it again; nothing of it was done.
/// </summary>
public sealed class MessageNotStartedException(TimeSpan left, TimeSpan budget)
    : Exception($"not started: {left.TotalSeconds:0.#} s left of the invocation, less than the {budget.TotalSeconds:0.#} s a message may take; left for redelivery")
{
    /// <summary>What was left of the invocation.</summary>
    public TimeSpan Left { get; } = left;
}
