using Amazon.EC2;
using Amazon.EC2.Model;
using OpsBot.Rules.Resources.Ec2Image;

namespace OpsBot.Functions.Resources.Ec2Image;

/// <summary>
/// Reads an image's live state the way its offline state document describes it (see
/// <see cref="ImageStateReader"/>): owner and tags from DescribeImages, launch permissions from
/// DescribeImageAttribute.
/// </summary>
internal static class ImageReader
{
    public static async Task<ImageFact?> ReadAsync(IAmazonEC2 ec2, string imageId, CancellationToken cancellationToken)
    {
        DescribeImagesResponse described;
        try
        {
            described = await ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [imageId] }, cancellationToken);
        }
        catch (AmazonEC2Exception ex) when (ex.ErrorCode is "InvalidAMIID.NotFound" or "InvalidAMIID.Unavailable" or "InvalidAMIID.Malformed")
        {
            return null;
        }

        if (described.Images?.FirstOrDefault(i => i.ImageId == imageId) is not { } image)
        {
            return null;
        }

        var attribute = await ec2.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = imageId, Attribute = ImageAttributeName.LaunchPermission }, cancellationToken);
        return new ImageFact
        {
            ImageId = imageId,
            OwnerId = image.OwnerId ?? "",
            Permissions = [.. (attribute.ImageAttribute?.LaunchPermissions ?? []).Select(ToFact)],
            Tags = (image.Tags ?? []).GroupBy(t => t.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value ?? "", StringComparer.Ordinal),
        };
    }

    public static LaunchPermission ToPermission(LaunchPermissionFact fact) => new()
    {
        Group = fact.Group.Length > 0 ? new PermissionGroup(fact.Group) : null,
        UserId = fact.UserId.Length > 0 ? fact.UserId : null,
        OrganizationArn = fact.OrganizationArn.Length > 0 ? fact.OrganizationArn : null,
        OrganizationalUnitArn = fact.OrganizationalUnitArn.Length > 0 ? fact.OrganizationalUnitArn : null,
    };

    private static LaunchPermissionFact ToFact(LaunchPermission permission) => new()
    {
        Group = permission.Group?.Value ?? "",
        UserId = permission.UserId ?? "",
        OrganizationArn = permission.OrganizationArn ?? "",
        OrganizationalUnitArn = permission.OrganizationalUnitArn ?? "",
    };
}
