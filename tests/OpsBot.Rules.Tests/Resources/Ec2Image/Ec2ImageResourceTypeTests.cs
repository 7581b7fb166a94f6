using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Events;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Resources.Ec2Image;

namespace OpsBot.Rules.Tests.Resources.Ec2Image;

public class Ec2ImageResourceTypeTests
{
    private static readonly Ec2ImageResourceType Type = new();

    private static CloudTrailEvent Fixture(string name) => CloudTrailEventReader.Read(File.ReadAllText(RepositoryPaths.Fixture($"events/{name}.json")));

    [Fact]
    public void The_requested_permission_is_read_from_a_one_item_object()
    {
        var image = (ImageFact)Assert.Single(Type.Requested(Fixture("ec2-image-public-single-object")));

        Assert.Equal(("ami-0a1b2c3d4e5f60718", true), (image.ImageId, image.IsPublic));
    }

    [Fact]
    public void An_account_id_given_as_a_number_is_read_as_a_share_that_is_not_public()
    {
        var image = (ImageFact)Assert.Single(Type.Requested(Fixture("ec2-image-share-account-number")));

        var permission = Assert.Single(image.Permissions);
        Assert.Equal(("444455556666", false), (permission.UserId, permission.IsPublic));
    }

    [Fact]
    public void The_state_document_gives_permissions_owner_and_tags()
    {
        var image = Assert.Single(ImageStateReader.Read(File.ReadAllText(RepositoryPaths.Fixture("state/ec2-image-public.json"))));

        Assert.Equal(["group all", "account 444455556666"], image.Permissions.Select(p => p.ToString()));
        Assert.Equal(("111111111111", "platform"), (image.OwnerId, image.Tag("team")));
    }

    [Fact]
    public void A_permission_naming_no_grantee_is_bad_state()
    {
        Assert.Throws<StateFormatException>(() => ImageStateReader.Read("""{"SnapshotId":"ami-1","CreateVolumePermissions":[{}]}"""));
    }

    [Fact]
    public void An_event_without_an_image_id_is_malformed()
    {
        var cloudTrailEvent = Fixture("ec2-image-public");

        Assert.Throws<MalformedEventException>(() => Type.FindResources(cloudTrailEvent with { RequestParameters = System.Text.Json.JsonDocument.Parse("{}").RootElement }));
    }

    [Fact]
    public void Plans_to_remove_only_the_group_all_permission()
    {
        LaunchPermissionFact everyone = new() { Group = "all" }, partner = new() { UserId = "444455556666" };
        var decision = new PolicyDecision(PolicySet.Load(RepositoryPaths.Policies).Find("ec2-image-public")!, "ami-1", [everyone, partner], []);

        var plan = new RemovePublicImagePermission().Plan(decision);

        Assert.Equal([everyone], plan.Elements);
    }
}
