using System.Text.Json.Serialization;

namespace OpsBot.Functions.Slack.Interactions;

/// <summary>Source-generated JSON for Slack interaction payloads (snake_case, no reflection, for Native AOT).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SlackInteractionPayload))]
public sealed partial class SlackInteractionJsonContext : JsonSerializerContext;
