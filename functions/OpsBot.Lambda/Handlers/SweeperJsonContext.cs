using System.Text.Json.Serialization;

namespace OpsBot.Lambda.Handlers;

/// <summary>Source-generated JSON for the sweeper's answer (no reflection, for Native AOT).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SweeperReport))]
internal sealed partial class SweeperJsonContext : JsonSerializerContext;
