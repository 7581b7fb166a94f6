using OpsBot.Rules.Events;

namespace OpsBot.Rules.Resources.S3Bucket;

/// <summary>
/// S3 buckets: <c>bucket</c>, with its ACL <c>grants</c> (<c>grant</c>) and its bucket-policy
/// <c>statements</c> (<c>statement</c>), read offline from the document <see cref="BucketStateReader"/> describes.
/// </summary>
public sealed class S3BucketResourceType : ResourceType<BucketFact>, IRequestedStateReader
{
    /// <summary>The policy name of this resource type.</summary>
    public const string TypeName = "aws.s3.bucket";

    /// <inheritdoc />
    public override string Name => TypeName;

    /// <inheritdoc />
    public override string EventSource => "s3.amazonaws.com";

    /// <inheritdoc />
    public override string Variable => "bucket";

    /// <inheritdoc />
    public override IReadOnlyList<string> EventNames { get; } =
    [
        "PutBucketAcl",
        "PutBucketPolicy",
        "DeleteBucketPublicAccessBlock",
        "PutBucketPublicAccessBlock",
    ];

    /// <inheritdoc />
    public override IReadOnlyList<IElementCollection> Collections { get; } =
    [
        new ElementCollection<BucketFact, GrantFact>(
            "grants",
            "grant",
            "ACL grant",
            bucket => bucket.Grants,
            grant => new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["granteeType"] = grant.GranteeType,
                ["grantee"] = grant.Grantee,
                ["uri"] = grant.Uri,
                ["permission"] = grant.Permission,
            },
            explain: grant => $"{grant}{(grant.IsPublic ? " [public]" : "")}"),
        new ElementCollection<BucketFact, PolicyStatementFact>(
            "statements",
            "statement",
            "bucket policy statement",
            bucket => bucket.Statements,
            statement => new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["sid"] = statement.Sid,
                ["effect"] = statement.Effect,
                ["principals"] = string.Join(",", statement.Principals),
                ["actions"] = string.Join(",", statement.Actions),
            },
            explain: statement => $"{statement}{(statement.IsPublic ? " [public]" : "")}"),
    ];

    /// <inheritdoc />
    public override IReadOnlyList<Type> ExpressionTypes { get; } = [typeof(BucketFact), typeof(GrantFact), typeof(PolicyStatementFact)];

    /// <inheritdoc />
    public override string StateDocument => BucketStateReader.Source;

    /// <inheritdoc />
    public override IReadOnlyList<BucketFact> Read(string document, string? companion) => BucketStateReader.Read(document);

    /// <inheritdoc />
    public override string IdOf(BucketFact resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Name;
    }

    /// <inheritdoc />
    public override IReadOnlyList<ResourceReference> FindResources(CloudTrailEvent cloudTrailEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudTrailEvent);
        return CloudTrailJson.String(cloudTrailEvent.RequestParameters, "bucketName") is { Length: > 0 } bucket
            ? [new ResourceReference(TypeName, bucket)]
            : throw new MalformedEventException($"{cloudTrailEvent.EventName} event {cloudTrailEvent.Id} names no bucket (no bucketName in requestParameters)");
    }

    /// <inheritdoc />
    public IReadOnlyList<object> Requested(CloudTrailEvent cloudTrailEvent) =>
        BucketRequestedState.Read(cloudTrailEvent, FindResources(cloudTrailEvent)[0].Id ?? "");
}
