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
    public static IReadOnlyList<ImageFact> Read(string document) =>
        Ec2SharingDocument.Read(document, "image", Source, ReadImage);

    private static ImageFact ReadImage(JsonElement image)
    {
        if (image.ValueKind != JsonValueKind.Object || Ec2SharingDocument.Scalar(image, "ImageId") is not { Length: > 0 } id)
        {
            throw new StateFormatException("every image in the state document must be an object with a \"ImageId\"");
        }

        return new ImageFact
        {
            ImageId = id,
            OwnerId = Ec2SharingDocument.Scalar(image, "OwnerId") ?? "",
            Permissions = [.. Ec2SharingDocument.List($"image {id}", image, "LaunchPermissions").Select(p => ReadPermission(id, p))],
            Tags = Ec2SharingDocument.Tags($"image {id}", image),
        };
    }

    private static LaunchPermissionFact ReadPermission(string image, JsonElement permission)
    {
        var fact = new LaunchPermissionFact
        {
            Group = Ec2SharingDocument.Scalar(permission, "Group") ?? "",
            UserId = Ec2SharingDocument.Scalar(permission, "UserId") ?? "",
            OrganizationArn = Ec2SharingDocument.Scalar(permission, "OrganizationArn") ?? "",
            OrganizationalUnitArn = Ec2SharingDocument.Scalar(permission, "OrganizationalUnitArn") ?? "",
        };
        if (fact is { Group.Length: 0, UserId.Length: 0, OrganizationArn.Length: 0, OrganizationalUnitArn.Length: 0 })
        {
            throw new StateFormatException($"image {image}: every launch permission needs a \"Group\", \"UserId\", \"OrganizationArn\" or \"OrganizationalUnitArn\"");
        }

        return fact;
    }
}
