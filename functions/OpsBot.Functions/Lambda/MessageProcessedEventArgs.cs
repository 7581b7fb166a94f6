using OpsBot.Functions.Pipeline;

namespace OpsBot.Functions.Lambda;

/// <summary>One message handled: its result, or the transient error that will make it be retried.</summary>
/// <param name="MessageId">The SQS message id.</param>
/// <param name="Result">What the pipeline did, or null when it failed.</param>
/// <param name="Error">The failure, or null.</param>
public sealed class MessageProcessedEventArgs(string MessageId, PipelineResult? Result, Exception? Error) : EventArgs
{
    /// <summary>The SQS message id.</summary>
    public string MessageId { get; } = MessageId;

    /// <summary>What the pipeline did, or null when it failed.</summary>
    public PipelineResult? Result { get; } = Result;

    /// <summary>The failure, or null.</summary>
    public Exception? Error { get; } = Error;
}
