using System.Text.Json.Serialization;

namespace OpsBot.Functions.Holds;

/// <summary>Source-generated JSON for holds as stored (no reflection, for Native AOT).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ResourceHold))]
internal sealed partial class HoldJsonContext : JsonSerializerContext;
