using System.Text.Json.Serialization;
using OpsBot.Functions.Approvals;

namespace OpsBot.Lambda.Handlers;

/// <summary>Source-generated JSON for the sweeper's answer (no reflection, for Native AOT).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SweepResult))]
internal sealed partial class SweeperJsonContext : JsonSerializerContext;
