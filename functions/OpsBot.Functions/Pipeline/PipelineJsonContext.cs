using System.Text.Json.Serialization;
using OpsBot.Functions.Audit;

namespace OpsBot.Functions.Pipeline;

/// <summary>Source-generated JSON for alert and result-event bodies.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AlertMessage))]
[JsonSerializable(typeof(AuditRecord))]
internal sealed partial class PipelineJsonContext : JsonSerializerContext;
