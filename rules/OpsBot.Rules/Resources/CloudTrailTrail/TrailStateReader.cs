using System.Text.Json;
using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Resources.CloudTrailTrail;

/// <summary>
/// Reads trails from their offline state document: what <c>aws cloudtrail describe-trails</c>
/// prints, each trail object with what three more calls print for it merged in beside its own
/// fields (a bare trail object, or a list of them, is read too):
/// <code>
/// {"trailList": [{
///   "Name": "org-trail", "TrailARN": "arn:aws:cloudtrail:...:trail/org-trail", "HomeRegion": "us-east-1",
///   "IsMultiRegionTrail": true, "LogFileValidationEnabled": true, "S3BucketName": "...", // describe-trails
///   "IsLogging": true, ...                                  // aws cloudtrail get-trail-status
///   "EventSelectors": [...], "AdvancedEventSelectors": [...], // aws cloudtrail get-event-selectors
///   "TagsList": [{"Key": "...", "Value": "..."}]           // aws cloudtrail list-tags (ResourceTagList[0].TagsList)
/// }]}
/// </code>
/// A missing <c>IsLogging</c> means not logging; no selectors at all mean CloudTrail's default
/// (management events recorded); no <c>TagsList</c> means no tags.
/// </summary>
public static class TrailStateReader
{
    /// <summary>Where the document comes from, in words.</summary>
    public const string Source = "aws cloudtrail describe-trails output, each trail merged with what get-trail-status, get-event-selectors and list-tags (TagsList) print for it";

    /// <summary>Every trail of the document.</summary>
    /// <exception cref="StateFormatException">The document is not in this shape.</exception>
    public static IReadOnlyList<TrailFact> Read(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(document);
        }
        catch (JsonException ex)
        {
            throw new StateFormatException($"expected a trail state document ({Source}); it is not JSON: {ex.Message}");
        }

        using (parsed)
        {
            var root = parsed.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Object when root.TryGetProperty("trailList", out var list) => list.ValueKind == JsonValueKind.Array
                    ? [.. list.EnumerateArray().Select(ReadTrail)]
                    : throw new StateFormatException("\"trailList\" must be a list"),
                JsonValueKind.Object => [ReadTrail(root)],
                JsonValueKind.Array => [.. root.EnumerateArray().Select(ReadTrail)],
                _ => throw new StateFormatException($"expected a trail state document ({Source}), found a JSON {root.ValueKind}"),
            };
        }
    }

    /// <summary>
    /// True when <paramref name="eventSelectors"/> and <paramref name="advancedEventSelectors"/>
    /// (as get-event-selectors prints them; either may be absent) record management events.
    /// </summary>
    public static bool IncludesManagementEvents(JsonElement? eventSelectors, JsonElement? advancedEventSelectors)
    {
        var basic = eventSelectors is { ValueKind: JsonValueKind.Array } b ? b.EnumerateArray().ToList() : [];
        var advanced = advancedEventSelectors is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().ToList() : [];
        if (basic.Count == 0 && advanced.Count == 0)
        {
            return true;
        }

        return basic.Any(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("IncludeManagementEvents", out var v) && v.ValueKind == JsonValueKind.True)
            || advanced.Any(IsManagementSelector);
    }

    private static bool IsManagementSelector(JsonElement selector)
    {
        if (selector.ValueKind != JsonValueKind.Object || !selector.TryGetProperty("FieldSelectors", out var fields) || fields.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        return fields.EnumerateArray().Any(f => String(f, "Field") == "eventCategory"
            && f.TryGetProperty("Equals", out var equals) && equals.ValueKind == JsonValueKind.Array
            && equals.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.String && e.GetString() == "Management"));
    }

    private static TrailFact ReadTrail(JsonElement trail)
    {
        if (trail.ValueKind != JsonValueKind.Object || String(trail, "Name") is not { Length: > 0 } name)
        {
            throw new StateFormatException("every trail in the state document must be an object with a \"Name\"");
        }

        return new TrailFact
        {
            Name = name,
            Arn = String(trail, "TrailARN") ?? "",
            HomeRegion = String(trail, "HomeRegion") ?? "",
            IsLogging = Flag(name, trail, "IsLogging"),
            IsMultiRegionTrail = Flag(name, trail, "IsMultiRegionTrail"),
            LogFileValidationEnabled = Flag(name, trail, "LogFileValidationEnabled"),
            IncludesManagementEvents = IncludesManagementEvents(Property(trail, "EventSelectors"), Property(trail, "AdvancedEventSelectors")),
            S3BucketName = String(trail, "S3BucketName") ?? "",
            Tags = ReadTags(name, trail),
        };
    }

    private static Dictionary<string, string> ReadTags(string trail, JsonElement state)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Property(state, "TagsList") is not { } list)
        {
            return tags;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new StateFormatException($"trail {trail}: \"TagsList\" must be a list");
        }

        foreach (var tag in list.EnumerateArray())
        {
            if (String(tag, "Key") is not { } key)
            {
                throw new StateFormatException($"trail {trail}: every tag in \"TagsList\" needs a \"Key\"");
            }

            tags[key] = String(tag, "Value") ?? "";
        }

        return tags;
    }

    private static bool Flag(string trail, JsonElement state, string property) => Property(state, property) switch
    {
        null => false,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw new StateFormatException($"trail {trail}: \"{property}\" must be true or false"),
    };

    private static JsonElement? Property(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
