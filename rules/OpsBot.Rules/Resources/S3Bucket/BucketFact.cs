namespace OpsBot.Rules.Resources.S3Bucket;

/// <summary>
/// An S3 bucket as S3 reports it now: its name, its public access block, its ACL grants, the
/// statements of its bucket policy and its tags.
/// </summary>
public sealed record BucketFact : Facts.ITaggedFact
{
    /// <summary>The bucket name, which is also its id.</summary>
    public required string Name { get; init; }

    /// <summary>False when the bucket has no public access block configuration at all (as after DeleteBucketPublicAccessBlock).</summary>
    public bool HasPublicAccessBlock { get; init; }

    /// <summary>Rejects requests that add public ACLs; false when there is no block.</summary>
    public bool BlockPublicAcls { get; init; }

    /// <summary>Makes S3 ignore public ACLs already in place; false when there is no block.</summary>
    public bool IgnorePublicAcls { get; init; }

    /// <summary>Rejects bucket policies that grant public access; false when there is no block.</summary>
    public bool BlockPublicPolicy { get; init; }

    /// <summary>Limits a public bucket policy to AWS principals and the owner's account; false when there is no block.</summary>
    public bool RestrictPublicBuckets { get; init; }

    /// <summary>The grants of the bucket ACL, the owner's included.</summary>
    public IReadOnlyList<GrantFact> Grants { get; init; } = [];

    /// <summary>The statements of the bucket policy; empty when the bucket has none.</summary>
    public IReadOnlyList<PolicyStatementFact> Statements { get; init; } = [];

    /// <summary>Tags by key.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>True when the block exists and all four of its settings are on: nothing public can take effect.</summary>
    public bool PublicAccessBlockFullyOn => HasPublicAccessBlock && BlockPublicAcls && IgnorePublicAcls && BlockPublicPolicy && RestrictPublicBuckets;

    /// <summary>True when any ACL grant is to everyone or to every AWS account.</summary>
    public bool HasPublicGrant => Grants.Any(g => g.IsPublic);

    /// <summary>True when any policy statement makes the bucket public.</summary>
    public bool HasPublicStatement => Statements.Any(s => s.IsPublic);

    /// <summary>The value of tag <paramref name="key"/>, or an empty string when the bucket lacks it.</summary>
    public string Tag(string key) => Tags.TryGetValue(key, out var value) ? value : "";

    /// <summary>True when the bucket carries tag <paramref name="key"/>, whatever its value.</summary>
    public bool HasTag(string key) => Tags.ContainsKey(key);
}
