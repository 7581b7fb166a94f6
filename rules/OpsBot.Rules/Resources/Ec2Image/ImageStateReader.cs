using System.Text.Json;
using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Resources.Ec2Image;

/// <summary>
/// Reads images from their offline state document: what
/// <c>aws ec2 describe-image-attribute --attribute launchPermission</c> prints for an image,
/// optionally merged with the image's entry of <c>aws ec2 describe-images</c> for its owner and
/// tags (a list of such objects for several images):
/// <code>
/// {
///   "ImageId": "ami-0123456789abcdef0",
///   "LaunchPermissions": [{"Group": "all"}, {"UserId": "444455556666"}],         // describe-image-attribute
///   "OwnerId": "111111111111",                                                 // describe-images (optional)
///   "Tags": [{"Key": "...", "Value": "..."}]                                   // describe-images (optional)
/// }
/// </code>
/// No <c>Tags</c> means no tags; no <c>LaunchPermissions</c> means the image is launchable by its owner only.
/// </summary>
public static class ImageStateReader
{
    /// <summary>Where the document comes from, in words.</summary>
    public const string Source = "what aws ec2 describe-image-attribute --attribute launchPermission prints, optionally merged with the image's OwnerId and Tags from describe-images";

    /// <summary>Every image of the document.</summary>
    /// <exception cref="StateFormatException">The document is not in this shape.</exception>
    public static IReadOnlyList<ImageFact> Read(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(document);
        }
        catch (JsonException ex)
        {
            throw new StateFormatException($"expected a image state document ({Source}); it is not JSON: {ex.Message}");
        }

        using (parsed)
        {
            var root = parsed.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Object => [ReadImage(root)],
                JsonValueKind.Array => [.. root.EnumerateArray().Select(ReadImage)],
                _ => throw new StateFormatException($"expected a image state document ({Source}), found a JSON {root.ValueKind}"),
            };
        }
    }

    private static ImageFact ReadImage(JsonElement image)
    {
        if (image.ValueKind != JsonValueKind.Object || Scalar(image, "ImageId") is not { Length: > 0 } id)
        {
            throw new StateFormatException("every image in the state document must be an object with a \"ImageId\"");
        }

        return new ImageFact
        {
            ImageId = id,
            OwnerId = Scalar(image, "OwnerId") ?? "",
            Permissions = [.. List(id, image, "LaunchPermissions").Select(p => ReadPermission(id, p))],
            Tags = ReadTags(id, image),
        };
    }

    private static LaunchPermissionFact ReadPermission(string image, JsonElement permission)
    {
        var fact = new LaunchPermissionFact
        {
            Group = Scalar(permission, "Group") ?? "",
            UserId = Scalar(permission, "UserId") ?? "",
            OrganizationArn = Scalar(permission, "OrganizationArn") ?? "",
            OrganizationalUnitArn = Scalar(permission, "OrganizationalUnitArn") ?? "",
        };
        if (fact is { Group.Length: 0, UserId.Length: 0, OrganizationArn.Length: 0, OrganizationalUnitArn.Length: 0 })
        {
            throw new StateFormatException($"image {image}: every launch permission needs a \"Group\", \"UserId\", \"OrganizationArn\" or \"OrganizationalUnitArn\"");
        }

        return fact;
    }

    private static Dictionary<string, string> ReadTags(string image, JsonElement state)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in List(image, state, "Tags"))
        {
            if (Scalar(tag, "Key") is not { } key)
            {
                throw new StateFormatException($"image {image}: every tag in \"Tags\" needs a \"Key\"");
            }

            tags[key] = Scalar(tag, "Value") ?? "";
        }

        return tags;
    }

    private static IEnumerable<JsonElement> List(string image, JsonElement state, string property)
    {
        if (!state.TryGetProperty(property, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray()]
            : throw new StateFormatException($"image {image}: \"{property}\" must be a list");
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
