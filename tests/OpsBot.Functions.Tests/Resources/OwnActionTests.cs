using Amazon.S3.Model;
using OpsBot.Cli.Local;
using OpsBot.Functions.Approvals;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Rules.Resources.S3Bucket;

namespace OpsBot.Functions.Tests.Resources;

/// <summary>
/// OpsBot does not act on its own calls: the CloudTrail event of an Undo, made through the member
/// remediation role's OpsBot session, is skipped, so the undo sticks. The same role used under
/// another session name is anyone else's call.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class OwnActionTests(MotoServer moto)
{
    [Fact]
    public async Task The_event_of_an_undo_is_not_acted_on_so_the_undo_sticks()
    {
        await using var world = await S3BucketWorld.CreateAsync(moto);
        var (bucket, audit) = await PublicBucketRemediatedAsync(world);
        var decision = Assert.Single(audit.Decisions);
        var undo = await world.Runtime.Approvals.HandleAsync(ClickKind.Undo, new SlackActionValue(audit.EventId, decision.PolicyId, bucket), Integration.SlackApprovalWorld.UndoUser, CancellationToken.None);
        Assert.Equal(InteractionResult.Undone, undo.Result);

        var echo = await world.ProcessAsync("s3-put-bucket-acl-all-users-single-grant", bucket, OwnSession());

        Assert.Equal(AuditOutcome.Skipped, echo.Outcome);
        Assert.StartsWith("own-action: ", echo.Reason, StringComparison.Ordinal);
        Assert.Empty(echo.Decisions);
        Assert.Contains(await world.GrantsAsync(bucket), g => g.Contains(GrantFact.AllUsersUri, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_role_under_another_session_name_is_acted_on_like_anyone_else()
    {
        await using var world = await S3BucketWorld.CreateAsync(moto);
        var bucket = await MakePublicAsync(world);
        var actor = OwnSession().Replace("/opsbot-remediation", "/mallory", StringComparison.Ordinal);

        var audit = await world.ProcessAsync("s3-put-bucket-acl-all-users-single-grant", bucket, actor);

        Assert.Equal(AuditOutcome.Remediated, audit.Outcome);
        Assert.DoesNotContain(await world.GrantsAsync(bucket), g => g.Contains(GrantFact.AllUsersUri, StringComparison.Ordinal));
    }

    private static string OwnSession() =>
        $"arn:aws:sts::{Integration.RemediationWorld.MemberAccount}:assumed-role/{OpsBotSettings.DefaultMemberRoleName}/opsbot-remediation";

    private static async Task<(string Bucket, AuditRecord Audit)> PublicBucketRemediatedAsync(S3BucketWorld world)
    {
        var bucket = await MakePublicAsync(world);
        var audit = await world.ProcessAsync("s3-put-bucket-acl-all-users-single-grant", bucket);
        Assert.Equal(AuditOutcome.Remediated, audit.Outcome);
        return (bucket, audit);
    }

    private static async Task<string> MakePublicAsync(S3BucketWorld world)
    {
        var bucket = await world.CreateBucketAsync("own-action");
        var owner = (await world.MemberS3.GetBucketAclAsync(new GetBucketAclRequest { BucketName = bucket })).Owner.Id;
        await world.MemberS3.PutBucketAclAsync(new PutBucketAclRequest { BucketName = bucket, GrantFullControl = $"id=\"{owner}\"", GrantRead = $"uri=\"{GrantFact.AllUsersUri}\"" });
        return bucket;
    }
}
