using System.Text.Json.Serialization;

namespace OpsBot.Functions.Aws.EventBridge;

/// <summary>A JSON 1.1 error body: <c>__type</c> and <c>message</c>.</summary>
internal sealed record EventBridgeError([property: JsonPropertyName("__type")] string? Type, [property: JsonPropertyName("message")] string? Message);
