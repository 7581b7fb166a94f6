using System.Text.Json.Serialization;

namespace OpsBot.Functions.Observability;

/// <summary>Source-generated JSON for the structured log lines (no reflection, for Native AOT).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LogEntry))]
internal sealed partial class ObservabilityJsonContext : JsonSerializerContext;
