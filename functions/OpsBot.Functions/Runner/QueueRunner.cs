using Amazon.SQS;
using Amazon.SQS.Model;
using OpsBot.Functions.Lambda;

namespace OpsBot.Functions.Runner;

/// <summary>
/// Polls an SQS queue the way Lambda's event source mapping does: receive a batch, hand it to the
/// event handler, delete the messages that succeeded and leave the failures to reappear after the
/// visibility timeout. Runs until cancelled, or with <see cref="QueueRunnerOptions.Drain"/> until a
/// receive comes back empty.
/// </summary>
/// <param name="sqs">The SQS client.</param>
/// <param name="handler">The event handler.</param>
/// <param name="options">How to poll.</param>
/// <param name="clock">The clock each batch's deadline is set by.</param>
/// <param name="invocationTimeout">How long one batch may run when <paramref name="options"/> does not say.</param>
public sealed class QueueRunner(IAmazonSQS sqs, EventHandlerFunction handler, QueueRunnerOptions options, TimeProvider clock, TimeSpan invocationTimeout)
{
    /// <summary>The visibility timeout the queue at <paramref name="queueUrl"/> is configured with.</summary>
    public static async Task<TimeSpan> ReadVisibilityTimeoutAsync(IAmazonSQS sqs, string queueUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sqs);
        var attributes = await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = queueUrl, AttributeNames = ["VisibilityTimeout"] }, cancellationToken);
        return TimeSpan.FromSeconds(attributes.VisibilityTimeout);
    }

    /// <summary>Polls until the queue is drained or <paramref name="cancellationToken"/> is cancelled; returns what it did.</summary>
    public async Task<QueueRunSummary> RunAsync(CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.BatchSize, 10);
        var summary = new QueueRunSummary(0, 0, 0, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            ReceiveMessageResponse received;
            try
            {
                received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
                {
                    QueueUrl = options.QueueUrl,
                    MaxNumberOfMessages = options.BatchSize,
                    WaitTimeSeconds = options.Drain ? 0 : (int)(options.WaitTime ?? TimeSpan.FromSeconds(20)).TotalSeconds,
                    VisibilityTimeout = options.VisibilityTimeout is { } visibility ? (int)visibility.TotalSeconds : null,
                }, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var messages = received.Messages ?? [];
            if (messages.Count == 0)
            {
                if (options.Drain)
                {
                    break;
                }

                continue;
            }

            var batch = new SqsBatchEvent([.. messages.Select(m => new SqsMessage(m.MessageId, m.Body, m.ReceiptHandle))]);
            var response = await handler.HandleAsync(batch, clock.GetUtcNow() + (options.InvocationTimeout ?? invocationTimeout), cancellationToken);
            var failed = response.BatchItemFailures.Select(f => f.ItemIdentifier).ToHashSet(StringComparer.Ordinal);
            var done = messages.Where(m => !failed.Contains(m.MessageId)).ToList();
            if (done.Count > 0)
            {
                await sqs.DeleteMessageBatchAsync(new DeleteMessageBatchRequest
                {
                    QueueUrl = options.QueueUrl,
                    Entries = [.. done.Select((m, i) => new DeleteMessageBatchRequestEntry(i.ToString(System.Globalization.CultureInfo.InvariantCulture), m.ReceiptHandle))],
                }, CancellationToken.None);
            }

            summary = new QueueRunSummary(summary.Received + messages.Count, summary.Deleted + done.Count, summary.Failed + failed.Count, summary.Batches + 1);
        }

        return summary;
    }
}
