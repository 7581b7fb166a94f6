using System.Text.Json.Serialization;

namespace OpsBot.Functions.Lambda;

/// <summary>The partial batch response: only the listed messages are retried, the rest are deleted.</summary>
/// <param name="BatchItemFailures">The messages that failed transiently.</param>
public sealed record SqsBatchResponse([property: JsonPropertyName("batchItemFailures")] IReadOnlyList<BatchItemFailure> BatchItemFailures);
