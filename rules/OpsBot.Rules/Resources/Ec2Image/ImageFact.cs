namespace OpsBot.Rules.Resources.Ec2Image;

/// <summary>An AMI as EC2 reports it now: its id, owner, tags and launch permissions.</summary>
public sealed record ImageFact : Facts.ITaggedFact
{
    /// <summary>The image id, e.g. <c>ami-0123456789abcdef0</c>.</summary>
    public required string ImageId { get; init; }

    /// <summary>The owning account id; empty when the state document does not say.</summary>
    public string OwnerId { get; init; } = "";

    /// <summary>Who besides the owner may launch the image.</summary>
    public IReadOnlyList<LaunchPermissionFact> Permissions { get; init; } = [];

    /// <summary>Tags by key.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>True when any launch permission is to the <c>all</c> group.</summary>
    public bool IsPublic => Permissions.Any(p => p.IsPublic);

    /// <summary>The value of tag <paramref name="key"/>, or an empty string when the image lacks it.</summary>
    public string Tag(string key) => Tags.TryGetValue(key, out var value) ? value : "";

    /// <summary>True when the image carries tag <paramref name="key"/>, whatever its value.</summary>
    public bool HasTag(string key) => Tags.ContainsKey(key);
}
