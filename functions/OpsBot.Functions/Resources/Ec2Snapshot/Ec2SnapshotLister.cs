using System.Runtime.CompilerServices;
using Amazon.EC2.Model;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Rules.Resources.Ec2Snapshot;

namespace OpsBot.Functions.Resources.Ec2Snapshot;

/// <summary>
/// The account's own EBS snapshots (owner <c>self</c>), paged; each is read by the adapter's reader,
/// so its create-volume permissions come from the same DescribeSnapshotAttribute call.
/// </summary>
public sealed class Ec2SnapshotLister : IResourceLister
{
    private const int PageSize = 1000;

    /// <inheritdoc />
    public string ResourceType => Ec2SnapshotResourceType.TypeName;

    /// <inheritdoc />
    public async IAsyncEnumerable<object> ListAsync(MemberSession session, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        string? next = null;
        do
        {
            var page = await session.Ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { OwnerIds = ["self"], MaxResults = PageSize, NextToken = next }, cancellationToken);
            // Owner "self" is asked for, and checked again: an emulator may answer every public snapshot.
            foreach (var snapshot in (page.Snapshots ?? []).Where(s => s.OwnerId == session.Account))
            {
                // A snapshot deleted between the page and its attribute read is simply not there.
                if (await SnapshotReader.ReadAsync(session.Ec2, snapshot.SnapshotId, cancellationToken) is { } fact)
                {
                    yield return fact;
                }
            }

            next = page.NextToken;
        }
        while (!string.IsNullOrEmpty(next));
    }
}
