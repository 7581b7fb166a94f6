using System.Runtime.CompilerServices;
using Amazon.S3.Model;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Rules.Resources.S3Bucket;

namespace OpsBot.Functions.Resources.S3;

/// <summary>
/// The account's buckets whose location is the session's region: ListBuckets is global, so a scan
/// of several regions would otherwise evaluate every bucket once per region.
/// </summary>
public sealed class S3BucketLister : IResourceLister
{
    private const int PageSize = 1000;

    /// <inheritdoc />
    public string ResourceType => S3BucketResourceType.TypeName;

    /// <inheritdoc />
    public async IAsyncEnumerable<object> ListAsync(MemberSession session, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        string? next = null;
        do
        {
            var page = await session.S3.ListBucketsAsync(new ListBucketsRequest { MaxBuckets = PageSize, ContinuationToken = next }, cancellationToken);
            foreach (var bucket in page.Buckets ?? [])
            {
                if (await RegionOfAsync(session, bucket.BucketName, cancellationToken) == session.Region
                    && await S3BucketReader.ReadAsync(session.S3, bucket.BucketName, cancellationToken) is { } fact)
                {
                    yield return fact;
                }
            }

            next = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(next));
    }

    // GetBucketLocation answers an empty constraint for us-east-1 and the legacy "EU" for eu-west-1.
    private static async Task<string> RegionOfAsync(MemberSession session, string bucket, CancellationToken cancellationToken)
    {
        var location = (await session.S3.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = bucket }, cancellationToken)).Location?.Value ?? "";
        return location switch
        {
            "" => "us-east-1",
            "EU" => "eu-west-1",
            _ => location,
        };
    }
}
