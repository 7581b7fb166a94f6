using System.Globalization;
using System.Text.Json;

namespace OpsBot.Cli.Local.Cases;

/// <summary>Lenient reads of the AWS CLI shapes in state documents: a missing or mistyped member is simply absent.</summary>
public static class CaseJson
{
    /// <summary>The items of the array <paramref name="name"/>, or none.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [];

    /// <summary>The string <paramref name="name"/>, or null.</summary>
    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The number <paramref name="name"/> (also written as a string), or null.</summary>
    public static int? Number(JsonElement element, string name) =>
        element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.Number ? value.GetInt32()
        : value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : null;

    /// <summary>The account id <paramref name="name"/>, written as a string or a number, or null.</summary>
    public static string? AccountId(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.Number ? value.GetInt64().ToString(CultureInfo.InvariantCulture) : value.ValueKind == JsonValueKind.String ? value.GetString() : null
            : null;

    /// <summary>The root object, or each object of a root array.</summary>
    public static List<JsonElement> Objects(JsonElement root) => root.ValueKind == JsonValueKind.Array ? [.. root.EnumerateArray()] : [root];
}
