using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Events;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Resources.Ec2Snapshot;

namespace OpsBot.Rules.Tests.Resources.Ec2Snapshot;

public class Ec2SnapshotResourceTypeTests
{
    private static readonly Ec2SnapshotResourceType Type = new();

    private static CloudTrailEvent Fixture(string name) => CloudTrailEventReader.Read(File.ReadAllText(RepositoryPaths.Fixture($"events/{name}.json")));

    [Fact]
    public void The_requested_permission_is_read_from_a_one_item_object()
    {
        var snapshot = (SnapshotFact)Assert.Single(Type.Requested(Fixture("ec2-snapshot-public-single-object")));

        Assert.Equal(("snap-0a1b2c3d4e5f60718", true), (snapshot.SnapshotId, snapshot.IsPublic));
    }

    [Fact]
    public void An_account_id_given_as_a_number_is_read_as_a_share_that_is_not_public()
    {
        var snapshot = (SnapshotFact)Assert.Single(Type.Requested(Fixture("ec2-snapshot-share-account-number")));

        var permission = Assert.Single(snapshot.Permissions);
        Assert.Equal(("444455556666", false), (permission.UserId, permission.IsPublic));
    }

    [Fact]
    public void The_state_document_gives_permissions_owner_and_tags()
    {
        var snapshot = Assert.Single(SnapshotStateReader.Read(File.ReadAllText(RepositoryPaths.Fixture("state/ec2-snapshot-public.json"))));

        Assert.Equal(["group all", "account 444455556666"], snapshot.Permissions.Select(p => p.ToString()));
        Assert.Equal(("111111111111", "data"), (snapshot.OwnerId, snapshot.Tag("team")));
    }

    [Fact]
    public void A_permission_naming_neither_a_group_nor_an_account_is_bad_state()
    {
        Assert.Throws<StateFormatException>(() => SnapshotStateReader.Read("""{"SnapshotId":"snap-1","CreateVolumePermissions":[{}]}"""));
    }

    [Fact]
    public void An_event_without_a_snapshot_id_is_malformed()
    {
        var cloudTrailEvent = Fixture("ec2-snapshot-public");

        Assert.Throws<MalformedEventException>(() => Type.FindResources(cloudTrailEvent with { RequestParameters = System.Text.Json.JsonDocument.Parse("{}").RootElement }));
    }

    [Fact]
    public void Plans_to_remove_only_the_group_all_permission()
    {
        VolumePermissionFact everyone = new() { Group = "all" }, partner = new() { UserId = "444455556666" };
        var decision = new PolicyDecision(PolicySet.Load(RepositoryPaths.Policies).Find("ec2-snapshot-public")!, "snap-1", [everyone, partner], []);

        var plan = new RemovePublicSnapshotPermission().Plan(decision);

        Assert.Equal([everyone], plan.Elements);
    }
}
