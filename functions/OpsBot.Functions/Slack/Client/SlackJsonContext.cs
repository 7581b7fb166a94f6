using System.Text.Json.Serialization;
using OpsBot.Functions.Slack.Messages;

namespace OpsBot.Functions.Slack.Client;

/// <summary>Source-generated JSON for Slack payloads and answers (no reflection, for Native AOT), in Slack's snake_case.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SlackMessage))]
[JsonSerializable(typeof(PostMessageRequest))]
[JsonSerializable(typeof(UpdateMessageRequest))]
[JsonSerializable(typeof(ResponseUrlRequest))]
[JsonSerializable(typeof(WebhookRequest))]
[JsonSerializable(typeof(SlackApiResponse))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
