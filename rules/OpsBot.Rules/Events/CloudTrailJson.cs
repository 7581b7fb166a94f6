using System.Globalization;
using System.Text.Json;

namespace OpsBot.Rules.Events;

/// <summary>
/// Reads CloudTrail's XML-turned-JSON without tripping on its quirks: lists that are
/// <c>{"items": [...]}</c>, a bare object for one element, <c>{}</c> for none; numbers as strings.
/// </summary>
public static class CloudTrailJson
{
    /// <summary>The string value of <paramref name="property"/>, or null when absent or not a scalar.</summary>
    public static string? String(JsonElement element, string property)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(property, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
    }

    /// <summary>The integer value of <paramref name="property"/>, given as a number or a string; null when absent.</summary>
    public static int? Int(JsonElement element, string property)
    {
        var text = String(element, property);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>The object at <paramref name="property"/>, or null.</summary>
    public static JsonElement? Object(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    /// <summary>
    /// The elements of the list at <paramref name="property"/>, however CloudTrail spelled it:
    /// an array, <c>{"items": array}</c>, <c>{"items": object}</c>, a single object, or <c>{}</c>.
    /// </summary>
    public static IEnumerable<JsonElement> Items(JsonElement element, string property)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(property, out var value))
        {
            return [];
        }

        return Items(value);
    }

    /// <summary>The elements of a list value in any of CloudTrail's spellings (see <see cref="Items(JsonElement, string)"/>).</summary>
    public static IEnumerable<JsonElement> Items(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                return value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object && e.EnumerateObject().Any()).ToList();
            case JsonValueKind.Object when value.TryGetProperty("items", out var items):
                return Items(items);
            case JsonValueKind.Object when value.EnumerateObject().Any():
                return [value];
            default:
                return [];
        }
    }
}
