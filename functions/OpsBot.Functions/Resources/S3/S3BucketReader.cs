using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Resources.S3Bucket;

namespace OpsBot.Functions.Resources.S3;

/// <summary>
/// Reads a bucket's live state the way its offline state document describes it (see
/// <see cref="BucketStateReader"/>): ACL, public access block, bucket policy and tags, where a
/// "no such configuration" answer means the bucket has none.
/// </summary>
internal static class S3BucketReader
{
    public static async Task<BucketFact?> ReadAsync(IAmazonS3 s3, string bucket, CancellationToken cancellationToken)
    {
        GetBucketAclResponse acl;
        try
        {
            acl = await s3.GetBucketAclAsync(new GetBucketAclRequest { BucketName = bucket }, cancellationToken);
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode == "NoSuchBucket" || ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var block = await OrNoneAsync(() => s3.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = bucket }, cancellationToken), "NoSuchPublicAccessBlockConfiguration");
        var policy = await OrNoneAsync(() => s3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = bucket }, cancellationToken), "NoSuchBucketPolicy");
        var tagging = await OrNoneAsync(() => s3.GetBucketTaggingAsync(new GetBucketTaggingRequest { BucketName = bucket }, cancellationToken), "NoSuchTagSet");
        var configuration = block?.PublicAccessBlockConfiguration;
        IReadOnlyList<PolicyStatementFact> statements;
        try
        {
            // Some endpoints answer "no policy" with a 404 the SDK does not turn into an exception.
            statements = policy is { HttpStatusCode: HttpStatusCode.OK, Policy: { Length: > 0 } document } ? BucketPolicyReader.Read(document) : [];
        }
        catch (StateFormatException ex)
        {
            throw new InvalidOperationException($"bucket {bucket}: its policy could not be read: {ex.Message}", ex);
        }

        return new BucketFact
        {
            Name = bucket,
            HasPublicAccessBlock = configuration is not null,
            BlockPublicAcls = configuration?.BlockPublicAcls ?? false,
            IgnorePublicAcls = configuration?.IgnorePublicAcls ?? false,
            BlockPublicPolicy = configuration?.BlockPublicPolicy ?? false,
            RestrictPublicBuckets = configuration?.RestrictPublicBuckets ?? false,
            Grants = [.. (acl?.Grants ?? []).Select(ToFact)],
            Statements = statements,
            Tags = (tagging?.TagSet ?? []).GroupBy(t => t.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value ?? "", StringComparer.Ordinal),
        };
    }

    public static GrantFact ToFact(S3Grant grant) => new()
    {
        GranteeType = grant.Grantee?.Type?.Value ?? "",
        Uri = grant.Grantee?.URI ?? "",
        Id = grant.Grantee?.CanonicalUser ?? "",
        EmailAddress = grant.Grantee?.EmailAddress ?? "",
        Permission = grant.Permission?.Value ?? "",
    };

    private static async Task<T?> OrNoneAsync<T>(Func<Task<T>> call, string noneCode)
        where T : class
    {
        try
        {
            return await call();
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode == noneCode)
        {
            return null;
        }
    }
}
