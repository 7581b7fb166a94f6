using System.Text;
using System.Text.Json;
using OpsBot.Rules.Resources.Ec2Instance;

namespace OpsBot.Functions.Resources.Ec2Instance;

/// <summary>
/// The replaced state of a <c>require-imdsv2</c> change as JSON in the shape describe-instances
/// prints it: <c>{"MetadataOptions":{"HttpTokens":…,"HttpEndpoint":…,"HttpPutResponseHopLimit":…}}</c>.
/// Written and read without reflection.
/// </summary>
internal static class MetadataOptionsJson
{
    private const string OptionsProperty = "MetadataOptions";

    public static string Write(MetadataOptionsFact options)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject(OptionsProperty);
            writer.WriteString(nameof(MetadataOptionsFact.HttpTokens), options.HttpTokens);
            writer.WriteString(nameof(MetadataOptionsFact.HttpEndpoint), options.HttpEndpoint);
            writer.WriteNumber(nameof(MetadataOptionsFact.HttpPutResponseHopLimit), options.HttpPutResponseHopLimit);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <exception cref="InvalidOperationException">The record is not a <c>require-imdsv2</c> one.</exception>
    public static MetadataOptionsFact Read(string instanceId, string before)
    {
        using var document = JsonDocument.Parse(before);
        if (!document.RootElement.TryGetProperty(OptionsProperty, out var options) || options.ValueKind != JsonValueKind.Object ||
            !options.TryGetProperty(nameof(MetadataOptionsFact.HttpTokens), out var tokens) || tokens.ValueKind != JsonValueKind.String)
        {
            throw new InvalidOperationException($"instance {instanceId}: the audited change has no earlier MetadataOptions.HttpTokens to restore");
        }

        return new MetadataOptionsFact
        {
            InstanceId = instanceId,
            HttpTokens = tokens.GetString()!,
            HttpEndpoint = options.TryGetProperty(nameof(MetadataOptionsFact.HttpEndpoint), out var endpoint) && endpoint.ValueKind == JsonValueKind.String ? endpoint.GetString()! : MetadataOptionsFact.Enabled,
            HttpPutResponseHopLimit = options.TryGetProperty(nameof(MetadataOptionsFact.HttpPutResponseHopLimit), out var hops) && hops.TryGetInt32(out var limit) ? limit : 1,
        };
    }
}
