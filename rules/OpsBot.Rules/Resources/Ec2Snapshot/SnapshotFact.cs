namespace OpsBot.Rules.Resources.Ec2Snapshot;

/// <summary>An EBS snapshot as EC2 reports it now: its id, owner, tags and create-volume permissions.</summary>
public sealed record SnapshotFact : Facts.ITaggedFact
{
    /// <summary>The snapshot id, e.g. <c>snap-0123456789abcdef0</c>.</summary>
    public required string SnapshotId { get; init; }

    /// <summary>The owning account id; empty when the state document does not say.</summary>
    public string OwnerId { get; init; } = "";

    /// <summary>Who besides the owner may create volumes from the snapshot.</summary>
    public IReadOnlyList<VolumePermissionFact> Permissions { get; init; } = [];

    /// <summary>Tags by key.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>True when any permission is to the <c>all</c> group.</summary>
    public bool IsPublic => Permissions.Any(p => p.IsPublic);

    /// <summary>The value of tag <paramref name="key"/>, or an empty string when the snapshot lacks it.</summary>
    public string Tag(string key) => Tags.TryGetValue(key, out var value) ? value : "";

    /// <summary>True when the snapshot carries tag <paramref name="key"/>, whatever its value.</summary>
    public bool HasTag(string key) => Tags.ContainsKey(key);
}
