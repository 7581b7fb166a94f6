using Amazon.S3.Model;
using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Functions.Pipeline;
using OpsBot.Functions.Resources;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Integration;
using OpsBot.Rules.Resources.S3Bucket;

namespace OpsBot.Functions.Tests.Resources;

/// <summary><see cref="RemediationPipeline.SweepResourceAsync"/> is generic over the resource type: a bucket a sweep found is acted on through its adapter.</summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SweepResourceTests(MotoServer moto)
{
    [Fact]
    public async Task A_swept_bucket_with_a_public_acl_grant_loses_that_grant_once()
    {
        await using var world = await S3BucketWorld.CreateAsync(moto);
        var bucket = await world.CreateBucketAsync("swept");
        await world.MemberS3.PutBucketAclAsync(new PutBucketAclRequest { BucketName = bucket, GrantRead = $"uri=\"{GrantFact.AllUsersUri}\"" });
        using var session = new MemberSession(RemediationWorld.MemberAccount, RemediationWorld.Region, world.Slack.World.MemberCredentials, world.Runtime.Clients);
        var fact = await ResourceAdapters.Default.Find(S3BucketResourceType.TypeName)!.ReadAsync(session, bucket, CancellationToken.None);

        var first = await world.Runtime.Pipeline.SweepResourceAsync(RemediationWorld.MemberAccount, RemediationWorld.Region, S3BucketResourceType.TypeName, fact!, CancellationToken.None);
        var again = await world.Runtime.Pipeline.SweepResourceAsync(RemediationWorld.MemberAccount, RemediationWorld.Region, S3BucketResourceType.TypeName, fact!, CancellationToken.None);

        Assert.DoesNotContain(await world.GrantsAsync(bucket), g => g.Contains("AllUsers", StringComparison.Ordinal));
        Assert.Equal(SweepFinding.EventName, first!.Audit!.EventName);
        Assert.Contains(first.Audit.Decisions, d => d.PolicyId == "s3-bucket-public-acl" && d.Outcome == AuditOutcome.Remediated);
        Assert.True(again!.IsDuplicate);
    }

    [Fact]
    public async Task A_type_without_an_adapter_is_refused_by_name()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => world.Runtime.Pipeline.SweepResourceAsync(RemediationWorld.MemberAccount, RemediationWorld.Region, "aws.example.widget", new object(), CancellationToken.None));

        Assert.Contains("aws.example.widget", error.Message, StringComparison.Ordinal);
    }
}
