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
    public static IReadOnlyList<SnapshotFact> Read(string document) =>
        Ec2SharingDocument.Read(document, "snapshot", Source, ReadSnapshot);

    private static SnapshotFact ReadSnapshot(JsonElement snapshot)
    {
        if (snapshot.ValueKind != JsonValueKind.Object || Ec2SharingDocument.Scalar(snapshot, "SnapshotId") is not { Length: > 0 } id)
        {
            throw new StateFormatException("every snapshot in the state document must be an object with a \"SnapshotId\"");
        }

        return new SnapshotFact
        {
            SnapshotId = id,
            OwnerId = Ec2SharingDocument.Scalar(snapshot, "OwnerId") ?? "",
            Permissions = [.. Ec2SharingDocument.List($"snapshot {id}", snapshot, "CreateVolumePermissions").Select(p => ReadPermission(id, p))],
            Tags = Ec2SharingDocument.Tags($"snapshot {id}", snapshot),
        };
    }

    private static VolumePermissionFact ReadPermission(string snapshot, JsonElement permission)
    {
        var group = Ec2SharingDocument.Scalar(permission, "Group") ?? "";
        var user = Ec2SharingDocument.Scalar(permission, "UserId") ?? "";
        if (group.Length == 0 && user.Length == 0)
        {
            throw new StateFormatException($"snapshot {snapshot}: every create-volume permission needs a \"Group\" or a \"UserId\"");
        }

        return new VolumePermissionFact { Group = group, UserId = user };
    }
}
