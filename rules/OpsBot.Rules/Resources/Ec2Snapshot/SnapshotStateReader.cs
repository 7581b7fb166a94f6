using System.Text.Json;
using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Resources.Ec2Snapshot;

/// <summary>
/// Reads snapshots from their offline state document: what
/// <c>aws ec2 describe-snapshot-attribute --attribute createVolumePermission</c> prints for a snapshot,
/// optionally merged with the snapshot's entry of <c>aws ec2 describe-snapshots</c> for its owner and
/// tags (a list of such objects for several snapshots):
/// <code>
/// {
///   "SnapshotId": "snap-0123456789abcdef0",
///   "CreateVolumePermissions": [{"Group": "all"}, {"UserId": "444455556666"}],  // describe-snapshot-attribute
///   "OwnerId": "111111111111",                                                 // describe-snapshots (optional)
///   "Tags": [{"Key": "...", "Value": "..."}]                                   // describe-snapshots (optional)
/// }
/// </code>
/// No <c>Tags</c> means no tags; no <c>CreateVolumePermissions</c> means the snapshot is shared with no one.
/// </summary>
public static class SnapshotStateReader
{
    /// <summary>Where the document comes from, in words.</summary>
    public const string Source = "what aws ec2 describe-snapshot-attribute --attribute createVolumePermission prints, optionally merged with the snapshot's OwnerId and Tags from describe-snapshots";

    /// <summary>Every snapshot of the document.</summary>
    /// <exception cref="StateFormatException">The document is not in this shape.</exception>
    public static IReadOnlyList<SnapshotFact> Read(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(document);
        }
        catch (JsonException ex)
        {
            throw new StateFormatException($"expected a snapshot state document ({Source}); it is not JSON: {ex.Message}");
        }

        using (parsed)
        {
            var root = parsed.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Object => [ReadSnapshot(root)],
                JsonValueKind.Array => [.. root.EnumerateArray().Select(ReadSnapshot)],
                _ => throw new StateFormatException($"expected a snapshot state document ({Source}), found a JSON {root.ValueKind}"),
            };
        }
    }

    private static SnapshotFact ReadSnapshot(JsonElement snapshot)
    {
        if (snapshot.ValueKind != JsonValueKind.Object || Scalar(snapshot, "SnapshotId") is not { Length: > 0 } id)
        {
            throw new StateFormatException("every snapshot in the state document must be an object with a \"SnapshotId\"");
        }

        return new SnapshotFact
        {
            SnapshotId = id,
            OwnerId = Scalar(snapshot, "OwnerId") ?? "",
            Permissions = [.. List(id, snapshot, "CreateVolumePermissions").Select(p => ReadPermission(id, p))],
            Tags = ReadTags(id, snapshot),
        };
    }

    private static VolumePermissionFact ReadPermission(string snapshot, JsonElement permission)
    {
        var group = Scalar(permission, "Group") ?? "";
        var user = Scalar(permission, "UserId") ?? "";
        if (group.Length == 0 && user.Length == 0)
        {
            throw new StateFormatException($"snapshot {snapshot}: every create-volume permission needs a \"Group\" or a \"UserId\"");
        }

        return new VolumePermissionFact { Group = group, UserId = user };
    }

    private static Dictionary<string, string> ReadTags(string snapshot, JsonElement state)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in List(snapshot, state, "Tags"))
        {
            if (Scalar(tag, "Key") is not { } key)
            {
                throw new StateFormatException($"snapshot {snapshot}: every tag in \"Tags\" needs a \"Key\"");
            }

            tags[key] = Scalar(tag, "Value") ?? "";
        }

        return tags;
    }

    private static IEnumerable<JsonElement> List(string snapshot, JsonElement state, string property)
    {
        if (!state.TryGetProperty(property, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray()]
            : throw new StateFormatException($"snapshot {snapshot}: \"{property}\" must be a list");
    }

    // Account ids are strings in the CLI's output; a hand-written document may give them as numbers.
    private static string? Scalar(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
