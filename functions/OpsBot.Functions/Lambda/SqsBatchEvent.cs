using System.Text.Json.Serialization;

namespace OpsBot.Functions.Lambda;

/// <summary>The event Lambda's SQS event source mapping invokes the function with: a batch of messages.</summary>
/// <param name="Records">The messages.</param>
public sealed record SqsBatchEvent([property: JsonPropertyName("Records")] IReadOnlyList<SqsMessage> Records);
