using Amazon.S3;
using Amazon.S3.Model;
using OpsBot.Cli.Local;
using OpsBot.Functions.Approvals;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.State;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Integration;
using OpsBot.Rules.Resources.S3Bucket;

namespace OpsBot.Functions.Tests.Resources;

/// <summary>
/// The shipped bucket policies end to end on moto: a real-shaped CloudTrail event, the member
/// account reached through the assumed remediation role, the change made there, the audit record,
/// and undo (or approval) through the approval workflow the Slack buttons drive.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class S3BucketRemediationTests(MotoServer moto)
{
    private const string Partner = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

    [Fact]
    public async Task A_public_acl_grant_is_removed_and_only_that_grant_and_undo_puts_it_back()
    {
        await using var world = await S3BucketWorld.CreateAsync(moto);
        var bucket = await world.CreateBucketAsync("reports");
        var owner = (await world.MemberS3.GetBucketAclAsync(new GetBucketAclRequest { BucketName = bucket })).Owner.Id;
        await world.MemberS3.PutBucketAclAsync(new PutBucketAclRequest
        {
            BucketName = bucket,
            GrantFullControl = $"id=\"{owner}\"",
            GrantRead = $"uri=\"{GrantFact.AllUsersUri}\"",

            // One grantee per permission: moto reports only the first grantee of a header.
            GrantReadACP = $"id=\"{Partner}\"",
        });
        var before = await world.GrantsAsync(bucket);

        var audit = await world.ProcessAsync("s3-put-bucket-acl-all-users-single-grant", bucket);

        var after = await world.GrantsAsync(bucket);
        Assert.Equal(before.Where(g => !g.Contains("AllUsers", StringComparison.Ordinal)), after);
        Assert.Contains($"READ_ACP {Partner}", after);
        Assert.Equal(AuditOutcome.Remediated, audit.Outcome);
        var decision = Assert.Single(audit.Decisions);
        Assert.Equal(("s3-bucket-public-acl", bucket, true), (decision.PolicyId, decision.ResourceId, decision.CompliantAfter));
        var change = Assert.Single(decision.Changes!);
        Assert.Equal(["READ to AllUsers"], change.Elements);
        Assert.Contains(GrantFact.AllUsersUri, change.Before, StringComparison.Ordinal);

        var undo = await world.Runtime.Approvals.HandleAsync(ClickKind.Undo, new SlackActionValue(audit.EventId, decision.PolicyId, bucket), SlackApprovalWorld.UndoUser, CancellationToken.None);

        Assert.Equal(InteractionResult.Undone, undo.Result);
        Assert.Equal(before, await world.GrantsAsync(bucket));
        var stored = await world.Runtime.StateStore.ReadAuditAsync(audit.EventId, CancellationToken.None);
        Assert.Equal(AuditOutcome.Undone, Assert.Single(stored!.Decisions).Outcome);
    }

    [Fact]
    public async Task A_block_switched_partly_off_is_put_fully_on_with_the_previous_configuration_audited_and_undo_restores_it()
    {
        await using var world = await S3BucketWorld.CreateAsync(moto);
        var bucket = await world.CreateBucketAsync("website");
        await world.MemberS3.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest
        {
            BucketName = bucket,
            PublicAccessBlockConfiguration = new PublicAccessBlockConfiguration { BlockPublicAcls = true, IgnorePublicAcls = true, BlockPublicPolicy = false, RestrictPublicBuckets = false },
        });

        var audit = await world.ProcessAsync("s3-put-public-access-block-partly-off", bucket);

        var block = await world.AccessBlockAsync(bucket);
        Assert.Equal((true, true, true, true), (block!.BlockPublicAcls, block.IgnorePublicAcls, block.BlockPublicPolicy, block.RestrictPublicBuckets));
        var decision = Assert.Single(audit.Decisions);
        Assert.Equal(("s3-bucket-public-access-block-off", AuditOutcome.Remediated, true), (decision.PolicyId, decision.Outcome, decision.CompliantAfter));
        var change = Assert.Single(decision.Changes!);
        Assert.Equal("""{"PublicAccessBlockConfiguration":{"BlockPublicAcls":true,"IgnorePublicAcls":true,"BlockPublicPolicy":false,"RestrictPublicBuckets":false}}""", change.Before);
        Assert.Equal(["BlockPublicPolicy off", "RestrictPublicBuckets off"], change.Elements);

        var undo = await world.Runtime.Approvals.HandleAsync(ClickKind.Undo, new SlackActionValue(audit.EventId, decision.PolicyId, bucket), SlackApprovalWorld.UndoUser, CancellationToken.None);

        Assert.Equal(InteractionResult.Undone, undo.Result);
        block = await world.AccessBlockAsync(bucket);
        Assert.Equal((true, true, false, false), (block!.BlockPublicAcls, block.IgnorePublicAcls, block.BlockPublicPolicy, block.RestrictPublicBuckets));
    }

    [Fact]
    public async Task A_deleted_block_is_put_back_and_undo_deletes_it_again()
    {
        await using var world = await S3BucketWorld.CreateAsync(moto);
        var bucket = await world.CreateBucketAsync("reports");
        Assert.Null(await world.AccessBlockAsync(bucket));

        var audit = await world.ProcessAsync("s3-delete-public-access-block", bucket);

        Assert.Equal(AuditOutcome.Remediated, audit.Outcome);
        Assert.True((await world.AccessBlockAsync(bucket))!.RestrictPublicBuckets);
        Assert.Equal("{}", Assert.Single(Assert.Single(audit.Decisions).Changes!).Before);

        await world.Runtime.Approvals.HandleAsync(ClickKind.Undo, new SlackActionValue(audit.EventId, "s3-bucket-public-access-block-off", bucket), SlackApprovalWorld.UndoUser, CancellationToken.None);

        Assert.Null(await world.AccessBlockAsync(bucket));
    }

    [Fact]
    public async Task A_public_bucket_policy_is_held_for_approval_and_approving_turns_the_block_on_without_deleting_the_policy()
    {
        await using var world = await S3BucketWorld.CreateAsync(moto);
        var bucket = await world.CreateBucketAsync("website");
        var policy = $$"""{"Version":"2012-10-17","Statement":[{"Sid":"PublicRead","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{bucket}}/*"}]}""";
        await world.MemberS3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = policy });

        var audit = await world.ProcessAsync("s3-put-bucket-policy-public-read", bucket);

        Assert.Equal(AuditOutcome.PendingApproval, audit.Outcome);
        var decision = Assert.Single(audit.Decisions);
        Assert.Equal("s3-bucket-public-policy", decision.PolicyId);
        Assert.Contains("turn the public access block", decision.Reason, StringComparison.Ordinal);
        Assert.Null(await world.AccessBlockAsync(bucket));
        var pending = await world.Runtime.StateStore.ReadPendingActionAsync(audit.EventId, decision.PolicyId, bucket, CancellationToken.None);
        Assert.Equal(("put-public-access-block", PendingStatus.Pending), (pending!.Action.Action, pending.Status));
        Assert.NotEmpty(world.Slack.Requests("/api/chat.postMessage"));

        var approved = await world.Runtime.Approvals.HandleAsync(ClickKind.Approve, new SlackActionValue(audit.EventId, decision.PolicyId, bucket), "U0123ABCD", CancellationToken.None);

        Assert.True(approved.Result == InteractionResult.Approved, approved.ToString());
        Assert.True((await world.AccessBlockAsync(bucket))!.BlockPublicPolicy);
        Assert.Equal(policy, (await world.MemberS3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = bucket })).Policy);
        var settled = Assert.Single((await world.Runtime.StateStore.ReadAuditAsync(audit.EventId, CancellationToken.None))!.Decisions);
        Assert.Equal((AuditOutcome.Remediated, "approve"), (settled.Outcome, settled.Mode));
    }
}
