using System.Text.Json;
using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Resources.RdsSnapshot;

/// <summary>
/// Reads snapshots from their offline state document: per snapshot, what
/// <c>aws rds describe-db-snapshot-attributes</c> (or <c>describe-db-cluster-snapshot-attributes</c>)
/// prints, with the snapshot's tags beside it (a list of such objects for several snapshots):
/// <code>
/// {
///   "DBSnapshotAttributesResult": {                       // DBClusterSnapshotAttributesResult
///     "DBSnapshotIdentifier": "name",                     // DBClusterSnapshotIdentifier
///     "DBSnapshotAttributes": [                           // DBClusterSnapshotAttributes
///       {"AttributeName": "restore", "AttributeValues": ["all", "123456789012"]}
///     ]
///   },
///   "TagList": [{"Key": "...", "Value": "..."}]           // aws rds list-tags-for-resource
/// }
/// </code>
/// The attributes call does not print tags, so <c>TagList</c> is merged in (the same list
/// <c>describe-db-snapshots</c> prints per snapshot); no <c>TagList</c> means no tags. Attributes
/// other than <c>restore</c> are ignored; no <c>restore</c> attribute means a private snapshot.
/// </summary>
internal static class SnapshotStateReader
{
    /// <summary>The attribute that lists who may copy or restore a manual snapshot.</summary>
    public const string RestoreAttribute = "restore";

    /// <summary>Every snapshot of the document: its identifier, restore values and tags.</summary>
    /// <exception cref="StateFormatException">The document is not in this shape.</exception>
    public static IReadOnlyList<(string Identifier, IReadOnlyList<RestorePermissionFact> Restore, Dictionary<string, string> Tags)> Read(string document, SnapshotStateShape shape)
    {
        ArgumentNullException.ThrowIfNull(document);
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(document);
        }
        catch (JsonException ex)
        {
            throw new StateFormatException($"expected a {shape.Noun} state document ({shape.Source}); it is not JSON: {ex.Message}");
        }

        using (parsed)
        {
            var root = parsed.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Object => [ReadSnapshot(root, shape)],
                JsonValueKind.Array => [.. root.EnumerateArray().Select(s => ReadSnapshot(s, shape))],
                _ => throw new StateFormatException($"expected a {shape.Noun} state document ({shape.Source}), found a JSON {root.ValueKind}"),
            };
        }
    }

    private static (string, IReadOnlyList<RestorePermissionFact>, Dictionary<string, string>) ReadSnapshot(JsonElement snapshot, SnapshotStateShape shape)
    {
        if (snapshot.ValueKind != JsonValueKind.Object || !snapshot.TryGetProperty(shape.Result, out var result) || result.ValueKind != JsonValueKind.Object ||
            String(result, shape.Identifier) is not { Length: > 0 } id)
        {
            throw new StateFormatException($"every {shape.Noun} in the state document must be an object with \"{shape.Result}\" naming its \"{shape.Identifier}\"");
        }

        List<RestorePermissionFact> restore = [];
        foreach (var attribute in List(id, result, shape.Attributes))
        {
            if (String(attribute, "AttributeName") is not { } name)
            {
                throw new StateFormatException($"{shape.Noun} {id}: every entry of \"{shape.Attributes}\" needs an \"AttributeName\"");
            }

            if (name != RestoreAttribute)
            {
                continue;
            }

            foreach (var value in List(id, attribute, "AttributeValues"))
            {
                restore.Add(value.ValueKind == JsonValueKind.String
                    ? new RestorePermissionFact { Value = value.GetString()! }
                    : throw new StateFormatException($"{shape.Noun} {id}: \"AttributeValues\" must be a list of strings"));
            }
        }

        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in List(id, snapshot, "TagList"))
        {
            if (String(tag, "Key") is not { } key)
            {
                throw new StateFormatException($"{shape.Noun} {id}: every tag in \"TagList\" needs a \"Key\"");
            }

            tags[key] = String(tag, "Value") ?? "";
        }

        return (id, restore, tags);
    }

    private static IEnumerable<JsonElement> List(string id, JsonElement owner, string property)
    {
        if (!owner.TryGetProperty(property, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray()]
            : throw new StateFormatException($"snapshot {id}: \"{property}\" must be a list");
    }

    private static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
