namespace OpsBot.Rules.Resources.NetworkAcl;

/// <summary>
/// A network ACL as EC2 reports it now: its id, its VPC, whether it is the VPC's default ACL, its
/// tags, and its inbound and outbound entries in rule-number order, each with its effect computed
/// against the entries that EC2 checks before it (see <see cref="NetworkAclFactBuilder"/>).
/// </summary>
public sealed record NetworkAclFact : Facts.ITaggedFact
{
    /// <summary>The ACL id, e.g. <c>acl-0a1b2c3d4e5f60718</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The VPC the ACL belongs to.</summary>
    public string VpcId { get; init; } = "";

    /// <summary>True for the VPC's default network ACL.</summary>
    public bool IsDefault { get; init; }

    /// <summary>The inbound entries, lowest rule number first.</summary>
    public IReadOnlyList<NetworkAclEntryFact> Ingress { get; init; } = [];

    /// <summary>The outbound entries, lowest rule number first.</summary>
    public IReadOnlyList<NetworkAclEntryFact> Egress { get; init; } = [];

    /// <summary>Tags by key.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>The value of tag <paramref name="key"/>, or an empty string when the ACL lacks it.</summary>
    public string Tag(string key) => Tags.TryGetValue(key, out var value) ? value : "";

    /// <summary>True when the ACL carries tag <paramref name="key"/>, whatever its value.</summary>
    public bool HasTag(string key) => Tags.ContainsKey(key);
}
