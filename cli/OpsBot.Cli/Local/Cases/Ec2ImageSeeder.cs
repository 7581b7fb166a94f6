using System.Text.Json;
using Amazon.EC2;
using Amazon.EC2.Model;
using OpsBot.Rules.Resources.Ec2Image;
using static OpsBot.Cli.Local.Cases.CaseJson;

namespace OpsBot.Cli.Local.Cases;

/// <summary>
/// Creates the AMIs of an image state document (describe-image-attribute output, with <c>Tags</c>):
/// an instance from one of the emulator's own images, an image of it, the document's launch
/// permissions and tags.
/// </summary>
public sealed class Ec2ImageSeeder : ICaseSeeder
{
    /// <inheritdoc />
    public string ResourceType => Ec2ImageResourceType.TypeName;

    /// <inheritdoc />
    public async Task<CaseSeed> SeedAsync(CaseSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var document = JsonDocument.Parse(context.StateDocument);
        using var ec2 = context.Topology.Runtime.Clients.CreateEc2(context.Topology.MemberCredentials, context.Topology.Region);
        var baseImage = await Ec2InstanceSeeder.AnyImageAsync(ec2, cancellationToken);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var image in Objects(document.RootElement))
        {
            var instance = (await ec2.RunInstancesAsync(new RunInstancesRequest(baseImage, 1, 1) { InstanceType = InstanceType.T3Micro }, cancellationToken)).Reservation.Instances[0].InstanceId;
            var imageId = (await ec2.CreateImageAsync(new CreateImageRequest(instance, $"case-image-{context.Suffix}-{ids.Count}"), cancellationToken)).ImageId;
            ids[Text(image, "ImageId") ?? imageId] = imageId;
            var permissions = Items(image, "LaunchPermissions").ToList();
            var add = permissions.Select(p => new LaunchPermission
            {
                Group = Text(p, "Group") is { } group ? new PermissionGroup(group) : null,
                UserId = AccountId(p, "UserId"),
                OrganizationArn = Text(p, "OrganizationArn"),
                OrganizationalUnitArn = Text(p, "OrganizationalUnitArn"),
            }).ToList();
            if (add.Count > 0)
            {
                await ec2.ModifyImageAttributeAsync(new ModifyImageAttributeRequest { ImageId = imageId, LaunchPermission = new LaunchPermissionModifications { Add = add } }, cancellationToken);
            }

            var tags = Items(image, "Tags").Select(t => new Tag(Text(t, "Key"), Text(t, "Value") ?? "")).ToList();
            if (tags.Count > 0)
            {
                await ec2.CreateTagsAsync(new CreateTagsRequest([imageId], tags), cancellationToken);
            }
        }

        return CaseSeed.Created(ids);
    }
}
