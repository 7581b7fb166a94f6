using System.Text.Json;
using OpsBot.Functions.Pipeline;

namespace OpsBot.Functions.Lambda;

/// <summary>
/// The event-handler Lambda: runs each SQS message of a batch through the pipeline and returns a
/// partial batch response. A malformed body is audited as rejected by the pipeline and not reported
/// (retrying cannot fix it); a transient failure (an AWS error, a claim held by another attempt,
/// announcements still owed) is reported so only that message is retried.
/// </summary>
/// <remarks>
/// Time budget: a message is started only while at least <paramref name="messageBudget"/> is left
/// before the invocation's deadline, and its calls are cancelled when its budget runs out; the
/// messages not started are reported as failures, so SQS brings them back and the invocation always
/// answers before Lambda stops it.
/// </remarks>
/// <param name="pipeline">The pipeline.</param>
/// <param name="messageBudget">The most one message may take.</param>
/// <param name="clock">The clock the deadline is read against.</param>
public sealed class EventHandlerFunction(RemediationPipeline pipeline, TimeSpan messageBudget, TimeProvider clock)
{
    /// <summary>Raised after each message, for progress output (the local runner prints a timeline).</summary>
    public event EventHandler<MessageProcessedEventArgs>? MessageProcessed;

    /// <summary>The most one message may take.</summary>
    public TimeSpan MessageBudget => messageBudget;

    /// <summary>Handles a batch with no deadline but the per-message budget.</summary>
    public Task<SqsBatchResponse> HandleAsync(SqsBatchEvent batch, CancellationToken cancellationToken) =>
        HandleAsync(batch, DateTimeOffset.MaxValue, cancellationToken);

    /// <summary>Handles a batch that must be answered before <paramref name="deadline"/>.</summary>
    public async Task<SqsBatchResponse> HandleAsync(SqsBatchEvent batch, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var failures = new List<BatchItemFailure>();
        foreach (var message in batch.Records ?? [])
        {
            var left = deadline == DateTimeOffset.MaxValue ? TimeSpan.MaxValue : deadline - clock.GetUtcNow();
            if (left < messageBudget || cancellationToken.IsCancellationRequested)
            {
                failures.Add(new BatchItemFailure(message.MessageId));
                MessageProcessed?.Invoke(this, new MessageProcessedEventArgs(message.MessageId, null, new MessageNotStartedException(left < TimeSpan.Zero ? TimeSpan.Zero : left, messageBudget)));
                continue;
            }

            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            budget.CancelAfter(messageBudget);
            try
            {
                var result = await pipeline.ProcessAsync(message.Body ?? "", message.MessageId, budget.Token);
                MessageProcessed?.Invoke(this, new MessageProcessedEventArgs(message.MessageId, result, null));
            }
            catch (Exception ex)
            {
                // Whatever failed, including the budget or the invocation running out: this message comes back.
                failures.Add(new BatchItemFailure(message.MessageId));
                MessageProcessed?.Invoke(this, new MessageProcessedEventArgs(message.MessageId, null, ex));
            }
        }

        return new SqsBatchResponse(failures);
    }

    /// <summary>Handles a batch given as the raw invocation JSON and returns the response JSON (the runtime loop's entry).</summary>
    /// <exception cref="JsonException">The invocation is not an SQS batch; Lambda then retries the whole batch, as it must.</exception>
    public async Task<string> HandleJsonAsync(string invocation, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var batch = JsonSerializer.Deserialize(invocation, LambdaJsonContext.Default.SqsBatchEvent)
            ?? throw new JsonException("the invocation is null, not an SQS batch");
        var response = await HandleAsync(batch, deadline, cancellationToken);
        return JsonSerializer.Serialize(response, LambdaJsonContext.Default.SqsBatchResponse);
    }
}
