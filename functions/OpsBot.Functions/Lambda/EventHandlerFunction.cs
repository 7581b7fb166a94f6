using System.Text.Json;
using OpsBot.Functions.Pipeline;

namespace OpsBot.Functions.Lambda;

/// <summary>
/// The event-handler Lambda: runs each SQS message of a batch through the pipeline and returns a
/// partial batch response. A malformed body is audited as rejected by the pipeline and not reported
/// (retrying cannot fix it); a transient failure (an AWS error) is reported so only that message is retried.
/// </summary>
public sealed class EventHandlerFunction(RemediationPipeline pipeline)
{
    /// <summary>Raised after each message, for progress output (the local runner prints a timeline).</summary>
    public event EventHandler<MessageProcessedEventArgs>? MessageProcessed;

    /// <summary>Handles a batch.</summary>
    public async Task<SqsBatchResponse> HandleAsync(SqsBatchEvent batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var failures = new List<BatchItemFailure>();
        foreach (var message in batch.Records ?? [])
        {
            try
            {
                var result = await pipeline.ProcessAsync(message.Body ?? "", message.MessageId, cancellationToken);
                MessageProcessed?.Invoke(this, new MessageProcessedEventArgs(message.MessageId, result, null));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failures.Add(new BatchItemFailure(message.MessageId));
                MessageProcessed?.Invoke(this, new MessageProcessedEventArgs(message.MessageId, null, ex));
            }
        }

        return new SqsBatchResponse(failures);
    }

    /// <summary>Handles a batch given as the raw invocation JSON and returns the response JSON (the runtime loop's entry).</summary>
    /// <exception cref="JsonException">The invocation is not an SQS batch; Lambda then retries the whole batch, as it must.</exception>
    public async Task<string> HandleJsonAsync(string invocation, CancellationToken cancellationToken)
    {
        var batch = JsonSerializer.Deserialize(invocation, LambdaJsonContext.Default.SqsBatchEvent)
            ?? throw new JsonException("the invocation is null, not an SQS batch");
        var response = await HandleAsync(batch, cancellationToken);
        return JsonSerializer.Serialize(response, LambdaJsonContext.Default.SqsBatchResponse);
    }
}
