using System.Text.Json.Serialization;

namespace OpsBot.Functions.Slack.Secrets;

/// <summary>Source-generated JSON for the Secrets Manager wire format (PascalCase) and the Slack secret document.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(GetSecretValueRequest))]
[JsonSerializable(typeof(GetSecretValueResponse))]
[JsonSerializable(typeof(SlackSecretDocument))]
internal sealed partial class SlackSecretJsonContext : JsonSerializerContext;
