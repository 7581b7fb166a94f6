using System.Text.Json.Serialization;

namespace OpsBot.Functions.Lambda;

/// <summary>One SQS message of a batch (the fields OpsBot reads).</summary>
/// <param name="MessageId">The SQS message id; reported back in <c>batchItemFailures</c>.</param>
/// <param name="Body">The message body: an EventBridge event.</param>
/// <param name="ReceiptHandle">The receipt handle (used by the local runner to delete the message).</param>
/// <param name="EventSourceArn">The queue's ARN.</param>
public sealed record SqsMessage(
    [property: JsonPropertyName("messageId")] string MessageId,
    [property: JsonPropertyName("body")] string? Body,
    [property: JsonPropertyName("receiptHandle")] string? ReceiptHandle = null,
    [property: JsonPropertyName("eventSourceARN")] string? EventSourceArn = null);
