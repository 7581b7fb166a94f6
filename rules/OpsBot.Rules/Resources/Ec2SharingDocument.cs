using System.Text.Json;
using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Resources;

/// <summary>
/// What the offline state documents of EBS snapshots and AMIs share: one object per resource (or a
/// list of them) as <c>aws ec2 describe-snapshot-attribute</c> / <c>describe-image-attribute</c>
/// print it, optionally merged with <c>OwnerId</c> and <c>Tags</c> from <c>describe-snapshots</c> /
/// <c>describe-images</c>; account ids may be strings or numbers.
/// </summary>
internal static class Ec2SharingDocument
{
    /// <summary>Every resource of <paramref name="document"/>, each read by <paramref name="read"/>.</summary>
    /// <param name="document">The JSON text.</param>
    /// <param name="noun">The resource in errors, e.g. "snapshot".</param>
    /// <param name="source">Where the document comes from, in words.</param>
    /// <param name="read">Reads one resource object.</param>
    /// <exception cref="StateFormatException">The document is not in this shape.</exception>
    public static IReadOnlyList<T> Read<T>(string document, string noun, string source, Func<JsonElement, T> read)
    {
        ArgumentNullException.ThrowIfNull(document);
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(document);
        }
        catch (JsonException ex)
        {
            throw new StateFormatException($"expected a {noun} state document ({source}); it is not JSON: {ex.Message}");
        }

        using (parsed)
        {
            var root = parsed.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Object => [read(root)],
                JsonValueKind.Array => [.. root.EnumerateArray().Select(read)],
                _ => throw new StateFormatException($"expected a {noun} state document ({source}), found a JSON {root.ValueKind}"),
            };
        }
    }

    /// <summary>The <c>Tags</c> of <paramref name="state"/> by key; none when absent.</summary>
    /// <param name="owner">The resource in errors, e.g. "snapshot snap-…".</param>
    /// <param name="state">The resource object.</param>
    public static Dictionary<string, string> Tags(string owner, JsonElement state)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in List(owner, state, "Tags"))
        {
            if (Scalar(tag, "Key") is not { } key)
            {
                throw new StateFormatException($"{owner}: every tag in \"Tags\" needs a \"Key\"");
            }

            tags[key] = Scalar(tag, "Value") ?? "";
        }

        return tags;
    }

    /// <summary>The items of list <paramref name="property"/> of <paramref name="state"/>; none when absent or null.</summary>
    public static IEnumerable<JsonElement> List(string owner, JsonElement state, string property)
    {
        if (!state.TryGetProperty(property, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray()]
            : throw new StateFormatException($"{owner}: \"{property}\" must be a list");
    }

    /// <summary>A string or number property as text (account ids are strings in the CLI's output; a hand-written document may give numbers); null when absent.</summary>
    public static string? Scalar(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
