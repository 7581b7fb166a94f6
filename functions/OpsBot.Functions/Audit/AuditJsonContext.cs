using System.Text.Json.Serialization;

namespace OpsBot.Functions.Audit;

/// <summary>Source-generated JSON for the audit records (no reflection, for Native AOT).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AuditRecord))]
[JsonSerializable(typeof(Announcement))]
[JsonSerializable(typeof(PendingAction))]
[JsonSerializable(typeof(InteractionAuditRecord))]
[JsonSerializable(typeof(List<AuditPermission>))]
public sealed partial class AuditJsonContext : JsonSerializerContext;
