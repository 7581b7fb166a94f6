using System.Text.Json.Serialization;

namespace OpsBot.Lambda.Runtime;

/// <summary>Source-generated JSON for the Runtime API's error document (camelCase, as Lambda expects).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RuntimeError))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
