using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.S3;
using Amazon.S3.Model;
using OpsBot.Functions.Audit;
using OpsBot.Rules.Resources.S3Bucket;

namespace OpsBot.Cli.Local.Scenarios;

/// <summary>
/// A member grants AllUsers read on a bucket's ACL; the runner removes that grant and only that
/// grant through the assumed role, alerts and audits with the replaced ACL kept for undo.
/// </summary>
public sealed class S3PublicAclScenario : IDemoScenario
{
    /// <inheritdoc />
    public string Name => "s3-public-acl";

    /// <inheritdoc />
    public string ResourceType => S3BucketResourceType.TypeName;

    /// <inheritdoc />
    public string Summary => "A bucket ACL granting READ to AllUsers: that grant is removed, the owner's stays.";

    /// <inheritdoc />
    public string PassedLine => "demo passed: the AllUsers grant removed from the bucket ACL, the owner's kept, alert sent, audit written";

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var s3 = run.Topology.Runtime.Clients.CreateS3(run.Topology.MemberCredentials, run.Region);
        var bucket = $"demo-reports-{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}";
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, cancellationToken);
        var owner = (await s3.GetBucketAclAsync(new GetBucketAclRequest { BucketName = bucket }, cancellationToken)).Owner.Id;
        await s3.PutBucketAclAsync(new PutBucketAclRequest
        {
            BucketName = bucket,
            GrantFullControl = $"id=\"{owner}\"",
            GrantRead = $"uri=\"{GrantFact.AllUsersUri}\"",
        }, cancellationToken);
        await ShowGrantsAsync(s3, bucket, $"bucket {bucket} made readable by everyone:", run.Timeline, cancellationToken);

        var request = new JsonObject { ["bucketName"] = bucket, ["acl"] = "", ["x-amz-grant-read"] = $"uri={GrantFact.AllUsersUri}", ["x-amz-grant-full-control"] = $"id={owner}", ["Host"] = $"{bucket}.s3.amazonaws.com" };
        await run.SendAsync("aws.s3", CloudTrailRecord.Write(run.Account, run.Region, "s3.amazonaws.com", "PutBucketAcl", request, null, "[aws-cli/2.17.12 md/awscrt#0.20.11 ua/2.0 os/linux command/s3api.put-bucket-acl]"), cancellationToken);

        var eventIds = await run.DrainAsync(cancellationToken);
        var problems = new List<string>();
        var grants = await ShowGrantsAsync(s3, bucket, $"{bucket} ACL now:", run.Timeline, cancellationToken);
        if (grants.Any(g => g.Grantee.URI == GrantFact.AllUsersUri))
        {
            problems.Add("the AllUsers grant was not removed");
        }

        if (!grants.Any(g => g.Grantee.CanonicalUser == owner && g.Permission == S3Permission.FULL_CONTROL))
        {
            problems.Add("the owner's FULL_CONTROL grant was removed although no policy forbids it");
        }

        await run.ShowAlertsAsync(problems, cancellationToken);
        await run.ShowAuditAsync(eventIds, AuditOutcome.Remediated, problems, cancellationToken);
        return problems;
    }

    private static async Task<List<S3Grant>> ShowGrantsAsync(IAmazonS3 s3, string bucket, string heading, Timeline timeline, CancellationToken cancellationToken)
    {
        var grants = (await s3.GetBucketAclAsync(new GetBucketAclRequest { BucketName = bucket }, cancellationToken)).Grants ?? [];
        timeline.Step("member", heading);
        foreach (var grant in grants)
        {
            timeline.Detail($"{grant.Permission.Value} to {grant.Grantee.URI ?? grant.Grantee.CanonicalUser}");
        }

        return grants;
    }
}
