using System.Text;
using System.Text.Json;
using OpsBot.Rules.Resources.Ec2Snapshot;

namespace OpsBot.Functions.Resources.Ec2Snapshot;

/// <summary>
/// The replaced state of a snapshot change as JSON in the shape
/// <c>aws ec2 describe-snapshot-attribute --attribute createVolumePermission</c> prints: the snapshot
/// id and every create-volume permission it had. Written without reflection, read back by
/// <see cref="SnapshotStateReader"/>.
/// </summary>
internal static class SnapshotStateJson
{
    public static string Permissions(SnapshotFact snapshot)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("SnapshotId", snapshot.SnapshotId);
            writer.WriteStartArray("CreateVolumePermissions");
            foreach (var permission in snapshot.Permissions)
            {
                writer.WriteStartObject();
                if (permission.Group.Length > 0)
                {
                    writer.WriteString("Group", permission.Group);
                }

                if (permission.UserId.Length > 0)
                {
                    writer.WriteString("UserId", permission.UserId);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static IReadOnlyList<VolumePermissionFact> ReadPermissions(string before) => SnapshotStateReader.Read(before)[0].Permissions;
}
