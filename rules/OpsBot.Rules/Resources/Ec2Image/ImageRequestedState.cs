using System.Text.Json;
using OpsBot.Rules.Events;

namespace OpsBot.Rules.Resources.Ec2Image;

/// <summary>
/// An image as one <c>ModifyImageAttribute</c> call asked for it: the launch permissions the call
/// adds (<c>launchPermission.add.items[]</c>, each a <c>group</c>, <c>userId</c>,
/// <c>organizationArn</c> or <c>organizationalUnitArn</c>, a lone item possibly given as an object).
/// Permissions the image had before are not in the event, so they are taken as absent, and so are its tags.
/// </summary>
internal static class ImageRequestedState
{
    public static IReadOnlyList<object> Read(CloudTrailEvent cloudTrailEvent, string imageId)
    {
        var change = CloudTrailJson.Object(cloudTrailEvent.RequestParameters, "launchPermission");
        var added = change is { } c ? CloudTrailJson.Items(c, "add").Select(ReadPermission).OfType<LaunchPermissionFact>().ToList() : [];
        return [new ImageFact { ImageId = imageId, Permissions = added }];
    }

    private static LaunchPermissionFact? ReadPermission(JsonElement item)
    {
        var fact = new LaunchPermissionFact
        {
            Group = CloudTrailJson.String(item, "group") ?? "",
            UserId = CloudTrailJson.String(item, "userId") ?? "",
            OrganizationArn = CloudTrailJson.String(item, "organizationArn") ?? "",
            OrganizationalUnitArn = CloudTrailJson.String(item, "organizationalUnitArn") ?? "",
        };
        return fact is { Group.Length: 0, UserId.Length: 0, OrganizationArn.Length: 0, OrganizationalUnitArn.Length: 0 } ? null : fact;
    }
}
