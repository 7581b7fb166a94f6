using System.Text.Json.Nodes;
using Amazon.S3;
using Amazon.S3.Model;
using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Tests.Integration;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Tests.Resources;

/// <summary>
/// Buckets in the member account of a <see cref="SlackApprovalWorld"/> running the shipped policies,
/// and the shipped CloudTrail fixtures of S3 calls re-aimed at them (ids fresh, times now, region the world's).
/// </summary>
internal sealed class S3BucketWorld : IAsyncDisposable
{
    private static readonly Lazy<PolicySet> ShippedPolicies = new(() => PolicySet.Load(RepositoryPaths.Policies));

    private S3BucketWorld(SlackApprovalWorld slack, IAmazonS3 memberS3)
    {
        Slack = slack;
        MemberS3 = memberS3;
    }

    public SlackApprovalWorld Slack { get; }

    public OpsBotRuntime Runtime => Slack.Runtime;

    /// <summary>S3 in the member account, as the remediation role.</summary>
    public IAmazonS3 MemberS3 { get; }

    public static async Task<S3BucketWorld> CreateAsync(MotoServer moto)
    {
        var slack = await SlackApprovalWorld.CreateAsync(moto, ShippedPolicies.Value);
        return new S3BucketWorld(slack, slack.Runtime.Clients.CreateS3(slack.World.MemberCredentials, RemediationWorld.Region));
    }

    /// <summary>Creates a bucket in the member account; returns its name.</summary>
    public async Task<string> CreateBucketAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..30];
        await MemberS3.PutBucketAsync(new PutBucketRequest { BucketName = name });
        return name;
    }

    /// <summary>The bucket's grants as "PERMISSION grantee" lines, sorted.</summary>
    public async Task<IReadOnlyList<string>> GrantsAsync(string bucket)
    {
        var acl = await MemberS3.GetBucketAclAsync(new GetBucketAclRequest { BucketName = bucket });
        return [.. (acl.Grants ?? []).Select(g => $"{g.Permission.Value} {g.Grantee.URI ?? g.Grantee.CanonicalUser}").Order(StringComparer.Ordinal)];
    }

    /// <summary>The bucket's public access block, or null when it has none.</summary>
    public async Task<PublicAccessBlockConfiguration?> AccessBlockAsync(string bucket)
    {
        try
        {
            return (await MemberS3.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = bucket })).PublicAccessBlockConfiguration;
        }
        catch (AmazonS3Exception ex) when (ex.ErrorCode == "NoSuchPublicAccessBlockConfiguration")
        {
            return null;
        }
    }

    /// <summary>Runs the shipped fixture <c>policies/tests/events/{fixture}.json</c>, aimed at <paramref name="bucket"/> (and made by <paramref name="actorArn"/> when given), through the pipeline.</summary>
    public async Task<AuditRecord> ProcessAsync(string fixture, string bucket, string? actorArn = null)
    {
        var body = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Policies, "tests", "events", fixture + ".json")))!;
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var detail = body["detail"]!;
        body["id"] = "evt-" + Guid.NewGuid();
        body["time"] = now;
        body["region"] = RemediationWorld.Region;
        detail["eventID"] = Guid.NewGuid().ToString();
        detail["eventTime"] = now;
        detail["awsRegion"] = RemediationWorld.Region;
        detail["requestParameters"]!["bucketName"] = bucket;
        if (actorArn is not null)
        {
            detail["userIdentity"]!["arn"] = actorArn;
        }

        var result = await Runtime.Pipeline.ProcessAsync(body.ToJsonString(), "m-1", CancellationToken.None);
        return result.Audit!;
    }

    public async ValueTask DisposeAsync()
    {
        MemberS3.Dispose();
        await Slack.DisposeAsync();
    }
}
