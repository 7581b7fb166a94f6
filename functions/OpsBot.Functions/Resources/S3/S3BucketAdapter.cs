using Amazon.S3;
using Amazon.S3.Model;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Rules.Actions;
using OpsBot.Rules.Resources.S3Bucket;

namespace OpsBot.Functions.Resources.S3;

/// <summary>
/// S3 buckets in a member account. <c>put-public-access-block</c> turns all four settings on and
/// keeps the configuration it replaced (or that there was none); undo puts that back or deletes the
/// block. <c>remove-public-acl-grants</c> removes exactly the matched public grants from the ACL as
/// it is at the time of the change; undo adds those grants back to the ACL as it is then, so grants
/// changed in between are kept.
/// </summary>
public sealed class S3BucketAdapter : IResourceAdapter
{
    private const string PutBlock = "put-public-access-block";
    private const string RemoveGrants = "remove-public-acl-grants";

    // Undo writes the ACL as one grant header per permission (see BucketAclHeaders); a public grantee
    // in any of them is what tells a restore from the fix, which only ever drops public grantees.
    private static readonly string[] PublicGrantHeaders = ["x-amz-grant-read", "x-amz-grant-write", "x-amz-grant-read-acp", "x-amz-grant-write-acp", "x-amz-grant-full-control"];

    /// <inheritdoc />
    public string ResourceType => S3BucketResourceType.TypeName;

    /// <inheritdoc />
    public IReadOnlyList<RestorePermission> RestorePermissions { get; } =
    [
        RestorePermission.NotDeniable("s3:PutBucketPublicAccessBlock", "putting back or deleting the block and the fix are the same IAM action, and no condition key carries the four settings"),
        .. PublicGrantHeaders.Select(header => RestorePermission.When("s3:PutBucketAcl", RestoreCondition.Like("s3:" + header, ["*acs.amazonaws.com/groups/global/*"], "uri=\"http://acs.amazonaws.com/groups/global/AllUsers\""))),
    ];

    /// <inheritdoc />
    public async Task<object?> ReadAsync(MemberSession session, string resourceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await S3BucketReader.ReadAsync(session.S3, resourceId, cancellationToken);
    }

    /// <inheritdoc />
    public ResourceChange Describe(object resource, RemediationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var bucket = resource as BucketFact ?? throw new ArgumentException($"expected a bucket, got {resource?.GetType().Name}", nameof(resource));
        switch (plan.Action)
        {
            case PutBlock:
                List<string> off = bucket.HasPublicAccessBlock
                    ? [.. Flags(bucket).Where(f => !f.On).Select(f => f.Name + " off")]
                    : ["no public access block"];
                return new ResourceChange(PutBlock, bucket.Name, $"turn the public access block of {bucket.Name} fully on (was: {string.Join(", ", off)})", off, BucketStateJson.AccessBlock(bucket));
            case RemoveGrants:
                var grants = plan.Elements.OfType<GrantFact>().ToList();
                return new ResourceChange(RemoveGrants, bucket.Name, $"remove {grants.Count} public ACL grant(s) from {bucket.Name}: {string.Join(", ", grants)}", [.. grants.Select(g => g.ToString())], BucketStateJson.Grants(grants));
            default:
                throw new NotSupportedException($"{ResourceType} has no action '{plan.Action}'");
        }
    }

    /// <inheritdoc />
    public async Task ApplyAsync(MemberSession session, ResourceChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(change);
        if (change.Action == PutBlock)
        {
            await PutBlockAsync(session.S3, change.ResourceId, new PublicAccessBlockConfiguration { BlockPublicAcls = true, IgnorePublicAcls = true, BlockPublicPolicy = true, RestrictPublicBuckets = true }, cancellationToken);
            return;
        }

        var remove = BucketStateJson.ReadGrants(change.Before);
        await RewriteAclAsync(session.S3, change.ResourceId, grants => [.. grants.Where(g => !remove.Contains(S3BucketReader.ToFact(g)))], cancellationToken);
    }

    /// <inheritdoc />
    public async Task RestoreAsync(MemberSession session, ResourceChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(change);
        if (change.Action == PutBlock)
        {
            if (BucketStateJson.ReadAccessBlock(change.Before) is { } earlier)
            {
                await PutBlockAsync(session.S3, change.ResourceId, new PublicAccessBlockConfiguration
                {
                    BlockPublicAcls = earlier.BlockPublicAcls,
                    IgnorePublicAcls = earlier.IgnorePublicAcls,
                    BlockPublicPolicy = earlier.BlockPublicPolicy,
                    RestrictPublicBuckets = earlier.RestrictPublicBuckets,
                }, cancellationToken);
            }
            else
            {
                await session.S3.DeletePublicAccessBlockAsync(new DeletePublicAccessBlockRequest { BucketName = change.ResourceId }, cancellationToken);
            }

            return;
        }

        var restore = BucketStateJson.ReadGrants(change.Before);
        await RewriteAclAsync(session.S3, change.ResourceId, grants =>
        {
            var present = grants.Select(S3BucketReader.ToFact).ToList();
            return [.. grants, .. restore.Where(r => !present.Contains(r)).Select(ToGrant)];
        }, cancellationToken);
    }

    private static Task PutBlockAsync(IAmazonS3 s3, string bucket, PublicAccessBlockConfiguration configuration, CancellationToken cancellationToken) =>
        s3.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest { BucketName = bucket, PublicAccessBlockConfiguration = configuration }, cancellationToken);

    private static async Task RewriteAclAsync(IAmazonS3 s3, string bucket, Func<List<S3Grant>, List<S3Grant>> rewrite, CancellationToken cancellationToken)
    {
        var acl = await s3.GetBucketAclAsync(new GetBucketAclRequest { BucketName = bucket }, cancellationToken);
        var current = acl.Grants ?? [];
        var wanted = rewrite(current);
        if (wanted.Count == current.Count && wanted.All(current.Contains))
        {
            return;
        }

        await s3.PutBucketAclAsync(BucketAclHeaders.Request(bucket, wanted.Select(S3BucketReader.ToFact)), cancellationToken);
    }

    private static S3Grant ToGrant(GrantFact grant) => new()
    {
        Grantee = new S3Grantee
        {
            URI = grant.Uri.Length > 0 ? grant.Uri : null,
            CanonicalUser = grant.Id.Length > 0 ? grant.Id : null,
            EmailAddress = grant.EmailAddress.Length > 0 ? grant.EmailAddress : null,
        },
        Permission = new S3Permission(grant.Permission),
    };

    private static IEnumerable<(string Name, bool On)> Flags(BucketFact bucket) =>
    [
        (nameof(bucket.BlockPublicAcls), bucket.BlockPublicAcls),
        (nameof(bucket.IgnorePublicAcls), bucket.IgnorePublicAcls),
        (nameof(bucket.BlockPublicPolicy), bucket.BlockPublicPolicy),
        (nameof(bucket.RestrictPublicBuckets), bucket.RestrictPublicBuckets),
    ];
}
