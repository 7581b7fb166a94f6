using OpsBot.Functions.Resources.CloudTrailTrail;
using OpsBot.Functions.Resources.Ec2Image;
using OpsBot.Functions.Resources.Ec2Instance;
using OpsBot.Functions.Resources.Ec2Snapshot;
using OpsBot.Functions.Resources.NetworkAcl;
using OpsBot.Functions.Resources.RdsSnapshot;
using OpsBot.Functions.Resources.S3;
using OpsBot.Functions.Resources.SecurityGroup;

namespace OpsBot.Functions.Resources;

/// <summary>The listers of every resource type OpsBot can scan account-wide, by type name.</summary>
public sealed class ResourceListers
{
    private readonly Dictionary<string, IResourceLister> _listers;

    /// <summary>Creates the set from <paramref name="listers"/>.</summary>
    public ResourceListers(IEnumerable<IResourceLister> listers) =>
        _listers = listers.ToDictionary(l => l.ResourceType, StringComparer.Ordinal);

    /// <summary>Every lister OpsBot ships, one per resource type.</summary>
    public static ResourceListers Default { get; } = new(
    [
        new SecurityGroupLister(),
        new S3BucketLister(),
        new Ec2SnapshotLister(),
        new Ec2ImageLister(),
        new NetworkAclLister(),
        new Ec2InstanceLister(),
        new CloudTrailTrailLister(),
        new DbSnapshotLister(),
        new DbClusterSnapshotLister(),
    ]);

    /// <summary>Every lister of the set.</summary>
    public IEnumerable<IResourceLister> All => _listers.Values;

    /// <summary>The lister of <paramref name="resourceType"/>, or null.</summary>
    public IResourceLister? Find(string resourceType) => _listers.GetValueOrDefault(resourceType);
}
