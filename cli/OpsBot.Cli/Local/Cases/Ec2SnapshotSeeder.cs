using System.Text.Json;
using Amazon.EC2;
using Amazon.EC2.Model;
using OpsBot.Rules.Resources.Ec2Snapshot;
using static OpsBot.Cli.Local.Cases.CaseJson;

namespace OpsBot.Cli.Local.Cases;

/// <summary>
/// Creates the snapshots of a snapshot state document (describe-snapshot-attribute output, with
/// <c>Tags</c>): a volume, its snapshot, the document's create-volume permissions and tags.
/// </summary>
public sealed class Ec2SnapshotSeeder : ICaseSeeder
{
    /// <inheritdoc />
    public string ResourceType => Ec2SnapshotResourceType.TypeName;

    /// <inheritdoc />
    public async Task<CaseSeed> SeedAsync(CaseSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var document = JsonDocument.Parse(context.StateDocument);
        var snapshots = Objects(document.RootElement);
        using var ec2 = context.Topology.Runtime.Clients.CreateEc2(context.Topology.MemberCredentials, context.Topology.Region);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var snapshot in snapshots)
        {
            var volume = await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = context.Topology.Region + "a", Size = 8 }, cancellationToken);
            var snapshotId = (await ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume.Volume.VolumeId, Description = "seeded from a policy test case" }, cancellationToken)).Snapshot.SnapshotId;
            ids[Text(snapshot, "SnapshotId") ?? snapshotId] = snapshotId;
            var permissions = Items(snapshot, "CreateVolumePermissions").ToList();
            var accounts = permissions.Select(p => AccountId(p, "UserId")).OfType<string>().ToList();
            var groups = permissions.Select(p => Text(p, "Group")).OfType<string>().ToList();
            if (accounts.Count > 0)
            {
                await ec2.ModifySnapshotAttributeAsync(new ModifySnapshotAttributeRequest { SnapshotId = snapshotId, Attribute = SnapshotAttributeName.CreateVolumePermission, OperationType = OperationType.Add, UserIds = accounts }, cancellationToken);
            }

            if (groups.Count > 0)
            {
                await ec2.ModifySnapshotAttributeAsync(new ModifySnapshotAttributeRequest { SnapshotId = snapshotId, Attribute = SnapshotAttributeName.CreateVolumePermission, OperationType = OperationType.Add, GroupNames = groups }, cancellationToken);
            }

            var tags = Items(snapshot, "Tags").Select(t => new Tag(Text(t, "Key"), Text(t, "Value") ?? "")).ToList();
            if (tags.Count > 0)
            {
                await ec2.CreateTagsAsync(new CreateTagsRequest([snapshotId], tags), cancellationToken);
            }
        }

        return CaseSeed.Created(ids);
    }
}
