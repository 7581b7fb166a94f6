using System.Text.Json.Serialization;

namespace OpsBot.Functions.Lambda;

/// <summary>A message to deliver again.</summary>
/// <param name="ItemIdentifier">Its SQS message id.</param>
public sealed record BatchItemFailure([property: JsonPropertyName("itemIdentifier")] string ItemIdentifier);
