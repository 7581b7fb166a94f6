using System.Text.Json.Serialization;

namespace OpsBot.Functions.Aws.Organizations;

/// <summary>Source-generated JSON for the Organizations wire shapes (PascalCase, as the service speaks; no reflection, for Native AOT).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ListAccountsRequestBody))]
[JsonSerializable(typeof(ListAccountsResponseBody))]
internal sealed partial class OrganizationsJsonContext : JsonSerializerContext;
