using System.Text.Json.Serialization;

namespace OpsBot.Functions.Lambda;

/// <summary>Source-generated JSON for the Lambda envelopes (no reflection, for Native AOT).</summary>
[JsonSerializable(typeof(SqsBatchEvent))]
[JsonSerializable(typeof(SqsBatchResponse))]
public sealed partial class LambdaJsonContext : JsonSerializerContext;
