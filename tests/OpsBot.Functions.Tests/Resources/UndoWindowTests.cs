using Amazon.S3.Model;
using OpsBot.Cli.Local;
using OpsBot.Functions.Approvals;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Integration;
using OpsBot.Rules.Resources.S3Bucket;

namespace OpsBot.Functions.Tests.Resources;

/// <summary>Undo is offered for <see cref="ApprovalWorkflow.UndoWindow"/> after the remediation, not for as long as the audit record lives.</summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class UndoWindowTests(MotoServer moto)
{
    [Theory]
    [InlineData(-1, InteractionResult.Undone)]
    [InlineData(1, InteractionResult.Refused)]
    public async Task Undo_works_until_the_window_closes_and_is_refused_after(int minutesPastWindow, InteractionResult expected)
    {
        await using var world = await S3BucketWorld.CreateAsync(moto);
        var bucket = await world.CreateBucketAsync("undo-window");
        var owner = (await world.MemberS3.GetBucketAclAsync(new GetBucketAclRequest { BucketName = bucket })).Owner.Id;
        await world.MemberS3.PutBucketAclAsync(new PutBucketAclRequest { BucketName = bucket, GrantFullControl = $"id=\"{owner}\"", GrantRead = $"uri=\"{GrantFact.AllUsersUri}\"" });
        var audit = await world.ProcessAsync("s3-put-bucket-acl-all-users-single-grant", bucket);
        var decision = Assert.Single(audit.Decisions);
        Assert.Equal(AuditOutcome.Remediated, decision.Outcome);

        world.Slack.Clock.Advance(ApprovalWorkflow.UndoWindow + TimeSpan.FromMinutes(minutesPastWindow));
        var undo = await world.Runtime.Approvals.HandleAsync(ClickKind.Undo, new SlackActionValue(audit.EventId, decision.PolicyId, bucket), SlackApprovalWorld.UndoUser, CancellationToken.None);

        Assert.True(undo.Result == expected, undo.ToString());
        var publicAgain = (await world.GrantsAsync(bucket)).Any(g => g.Contains(GrantFact.AllUsersUri, StringComparison.Ordinal));
        Assert.Equal(expected == InteractionResult.Undone, publicAgain);
    }
}
