using System.Text;
using System.Text.Json;
using OpsBot.Rules.Resources.Ec2Image;

namespace OpsBot.Functions.Resources.Ec2Image;

/// <summary>
/// The replaced state of an image change as JSON in the shape
/// <c>aws ec2 describe-image-attribute --attribute launchPermission</c> prints: the image id and every
/// launch permission it had. Written without reflection, read back by <see cref="ImageStateReader"/>.
/// </summary>
internal static class ImageStateJson
{
    public static string Permissions(ImageFact image)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("ImageId", image.ImageId);
            writer.WriteStartArray("LaunchPermissions");
            foreach (var permission in image.Permissions)
            {
                writer.WriteStartObject();
                WriteIfAny(writer, "Group", permission.Group);
                WriteIfAny(writer, "UserId", permission.UserId);
                WriteIfAny(writer, "OrganizationArn", permission.OrganizationArn);
                WriteIfAny(writer, "OrganizationalUnitArn", permission.OrganizationalUnitArn);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static IReadOnlyList<LaunchPermissionFact> ReadPermissions(string before) => ImageStateReader.Read(before)[0].Permissions;

    private static void WriteIfAny(Utf8JsonWriter writer, string name, string value)
    {
        if (value.Length > 0)
        {
            writer.WriteString(name, value);
        }
    }
}
