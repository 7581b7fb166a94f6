using Amazon.EC2;
using Amazon.EC2.Model;
using OpsBot.Rules.Resources.Ec2Snapshot;

namespace OpsBot.Functions.Resources.Ec2Snapshot;

/// <summary>
/// Reads a snapshot's live state the way its offline state document describes it (see
/// <see cref="SnapshotStateReader"/>): owner and tags from DescribeSnapshots, create-volume
/// permissions from DescribeSnapshotAttribute.
/// </summary>
internal static class SnapshotReader
{
    public static async Task<SnapshotFact?> ReadAsync(IAmazonEC2 ec2, string snapshotId, CancellationToken cancellationToken)
    {
        DescribeSnapshotsResponse described;
        try
        {
            described = await ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = [snapshotId] }, cancellationToken);
        }
        catch (AmazonEC2Exception ex) when (ex.ErrorCode is "InvalidSnapshot.NotFound" or "InvalidSnapshotID.Malformed")
        {
            return null;
        }

        if (described.Snapshots?.FirstOrDefault(s => s.SnapshotId == snapshotId) is not { } snapshot)
        {
            return null;
        }

        var attribute = await ec2.DescribeSnapshotAttributeAsync(new DescribeSnapshotAttributeRequest { SnapshotId = snapshotId, Attribute = SnapshotAttributeName.CreateVolumePermission }, cancellationToken);
        return new SnapshotFact
        {
            SnapshotId = snapshotId,
            OwnerId = snapshot.OwnerId ?? "",
            Permissions = [.. (attribute.CreateVolumePermissions ?? []).Select(p => new VolumePermissionFact { Group = p.Group?.Value ?? "", UserId = p.UserId ?? "" })],
            Tags = (snapshot.Tags ?? []).GroupBy(t => t.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value ?? "", StringComparer.Ordinal),
        };
    }
}
