using System.Text.Json.Serialization;

namespace OpsBot.Functions.Aws.EventBridge;

/// <summary>Source-generated JSON for the EventBridge wire shapes (PascalCase, as the service speaks).</summary>
[JsonSerializable(typeof(PutEventsRequestBody))]
[JsonSerializable(typeof(PutEventsResponseBody))]
internal sealed partial class EventBridgeJsonContext : JsonSerializerContext;
