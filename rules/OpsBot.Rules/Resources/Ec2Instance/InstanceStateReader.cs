using System.Globalization;
using System.Text.Json;
using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Resources.Ec2Instance;

/// <summary>
/// Reads instances from their offline state document, what <c>aws ec2 describe-instances</c> prints:
/// <code>
/// {"Reservations": [{"Instances": [{
///     "InstanceId": "i-…",
///     "State": {"Code": 16, "Name": "running"},
///     "MetadataOptions": {"State": "applied", "HttpTokens": "optional", "HttpPutResponseHopLimit": 1, "HttpEndpoint": "enabled"},
///     "Tags": [{"Key": "…", "Value": "…"}]
/// }]}]}
/// </code>
/// Every instance needs <c>MetadataOptions.HttpTokens</c>; a missing <c>HttpEndpoint</c> or hop
/// limit is EC2's default (<c>enabled</c>, 1).
/// </summary>
public static class InstanceStateReader
{
    /// <summary>Where the document comes from, in words.</summary>
    public const string Source = "what aws ec2 describe-instances prints: {\"Reservations\": [{\"Instances\": [...]}]}";

    /// <summary>Every instance of the document.</summary>
    /// <exception cref="StateFormatException">The document is not in this shape.</exception>
    public static IReadOnlyList<InstanceFact> Read(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(document);
        }
        catch (JsonException ex)
        {
            throw new StateFormatException($"expected an instance state document ({Source}); it is not JSON: {ex.Message}");
        }

        using (parsed)
        {
            var root = parsed.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Reservations", out var reservations) || reservations.ValueKind != JsonValueKind.Array)
            {
                throw new StateFormatException($"expected an instance state document ({Source}): it has no \"Reservations\" list");
            }

            var instances = new List<InstanceFact>();
            foreach (var reservation in reservations.EnumerateArray())
            {
                if (reservation.ValueKind != JsonValueKind.Object || !reservation.TryGetProperty("Instances", out var list) || list.ValueKind != JsonValueKind.Array)
                {
                    throw new StateFormatException("every reservation in the state document must be an object with an \"Instances\" list");
                }

                instances.AddRange(list.EnumerateArray().Select(ReadInstance));
            }

            return instances;
        }
    }

    private static InstanceFact ReadInstance(JsonElement instance)
    {
        if (instance.ValueKind != JsonValueKind.Object || String(instance, "InstanceId") is not { Length: > 0 } id)
        {
            throw new StateFormatException("every instance in the state document must be an object with an \"InstanceId\"");
        }

        if (!instance.TryGetProperty("MetadataOptions", out var options) || options.ValueKind != JsonValueKind.Object || String(options, "HttpTokens") is not { Length: > 0 } tokens)
        {
            throw new StateFormatException($"instance {id}: \"MetadataOptions\" must be an object with \"HttpTokens\", as describe-instances prints it");
        }

        return new InstanceFact
        {
            InstanceId = id,
            State = instance.TryGetProperty("State", out var state) ? String(state, "Name") ?? "" : "",
            MetadataOptions = new MetadataOptionsFact
            {
                InstanceId = id,
                HttpTokens = tokens,
                HttpEndpoint = String(options, "HttpEndpoint") ?? MetadataOptionsFact.Enabled,
                HttpPutResponseHopLimit = HopLimit(id, options),
            },
            Tags = ReadTags(id, instance),
        };
    }

    private static int HopLimit(string id, JsonElement options)
    {
        if (!options.TryGetProperty("HttpPutResponseHopLimit", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return 1;
        }

        var text = value.ValueKind is JsonValueKind.Number or JsonValueKind.String ? value.ToString() : "";
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit)
            ? limit
            : throw new StateFormatException($"instance {id}: \"MetadataOptions.HttpPutResponseHopLimit\" must be a number");
    }

    private static Dictionary<string, string> ReadTags(string id, JsonElement instance)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!instance.TryGetProperty("Tags", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return tags;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new StateFormatException($"instance {id}: \"Tags\" must be a list");
        }

        foreach (var tag in list.EnumerateArray())
        {
            tags[String(tag, "Key") ?? throw new StateFormatException($"instance {id}: every tag needs a \"Key\"")] = String(tag, "Value") ?? "";
        }

        return tags;
    }

    private static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
