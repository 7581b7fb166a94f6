namespace OpsBot.Rules.Facts;

/// <summary>A security group as EC2 reports it now: identity, tags and every permission element.</summary>
public sealed record SecurityGroupFact : Facts.ITaggedFact
{
    // Shared by every group created without tags: a reader that sets them would otherwise allocate
    // an empty dictionary for each group only to drop it.
    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>();

    /// <summary>The name EC2 gives every VPC's default group.</summary>
    public const string DefaultGroupName = "default";

    /// <summary>The group id (<c>sg-…</c>).</summary>
    public required string GroupId { get; init; }

    /// <summary>The group name.</summary>
    public string GroupName { get; init; } = "";

    /// <summary>The VPC the group belongs to, or an empty string.</summary>
    public string VpcId { get; init; } = "";

    /// <summary>The account that owns the group.</summary>
    public string OwnerId { get; init; } = "";

    /// <summary>The group's description.</summary>
    public string Description { get; init; } = "";

    /// <summary>Tags by key.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = NoTags;

    /// <summary>Ingress permission elements.</summary>
    public IReadOnlyList<PermissionFact> Ingress { get; init; } = [];

    /// <summary>Egress permission elements.</summary>
    public IReadOnlyList<PermissionFact> Egress { get; init; } = [];

    /// <summary>True for a VPC's default group.</summary>
    public bool IsDefault => GroupName == DefaultGroupName;

    /// <summary>The value of tag <paramref name="key"/>, or an empty string when the group lacks it.</summary>
    public string Tag(string key) => Tags.TryGetValue(key, out var value) ? value : "";

    /// <summary>True when the group carries tag <paramref name="key"/>, whatever its value.</summary>
    public bool HasTag(string key) => Tags.ContainsKey(key);

    /// <summary>True when any ingress element is open to the internet.</summary>
    public bool HasInternetIngress
    {
        get
        {
            foreach (var permission in Ingress)
            {
                if (permission.IsOpenToInternet)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The elements of one direction.</summary>
    public IReadOnlyList<PermissionFact> Permissions(TrafficDirection direction) =>
        direction == TrafficDirection.Ingress ? Ingress : Egress;
}
