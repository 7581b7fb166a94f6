using OpsBot.Functions.Resources.CloudTrailTrail;
using OpsBot.Functions.Resources.Ec2Image;
using OpsBot.Functions.Resources.Ec2Snapshot;
using OpsBot.Functions.Resources.NetworkAcl;
using OpsBot.Functions.Resources.RdsSnapshot;
using OpsBot.Functions.Resources.S3;
using OpsBot.Functions.Resources.SecurityGroup;

namespace OpsBot.Functions.Resources;

/// <summary>The resource adapters of every resource type the pipeline acts on through <see cref="IResourceAdapter"/>.</summary>
public sealed class ResourceAdapters
{
    private readonly Dictionary<string, IResourceAdapter> _adapters;

    /// <summary>Creates the set from <paramref name="adapters"/>.</summary>
    public ResourceAdapters(IEnumerable<IResourceAdapter> adapters) =>
        _adapters = adapters.ToDictionary(a => a.ResourceType, StringComparer.Ordinal);

    /// <summary>Every adapter OpsBot ships.</summary>
    public static ResourceAdapters Default { get; } = new(
    [
        new SecurityGroupAdapter(),
        new S3BucketAdapter(),
        new CloudTrailTrailAdapter(),
        new Ec2Instance.Ec2InstanceAdapter(),
        new DbSnapshotAdapter(),
        new DbClusterSnapshotAdapter(),
        new Ec2SnapshotAdapter(),
        new Ec2ImageAdapter(),
        new NetworkAclAdapter(),
    ]);

    /// <summary>Every adapter in the set.</summary>
    public IReadOnlyCollection<IResourceAdapter> All => _adapters.Values;

    /// <summary>The adapter of <paramref name="resourceType"/>, or null.</summary>
    public IResourceAdapter? Find(string resourceType) => _adapters.GetValueOrDefault(resourceType);
}
