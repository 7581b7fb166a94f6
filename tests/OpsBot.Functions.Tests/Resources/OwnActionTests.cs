using Amazon.S3.Model;
using OpsBot.Cli.Local;
using OpsBot.Functions.Approvals;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Pipeline;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Rules.Resources.S3Bucket;

namespace OpsBot.Functions.Tests.Resources;

/// <summary>
/// OpsBot does not act on its own calls: the CloudTrail event of an Undo, made through the member
/// remediation role's session named after the audit record it undid, is skipped, so the undo sticks.
/// The same role used under a session OpsBot has no record of is evaluated like anyone else's call
/// and its alert says it is suspicious. (moto's CloudTrail does not echo calls, so the events are the
/// shipped CloudTrail fixtures with the caller's ARN set as CloudTrail would show it.)
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class OwnActionTests(MotoServer moto)
{
    private const string Fixture = "s3-put-bucket-acl-all-users-single-grant";

    [Fact]
    public async Task The_event_of_an_undo_is_matched_to_its_audit_record_and_not_acted_on_so_the_undo_sticks()
    {
        await using var world = await S3BucketWorld.CreateAsync(moto);
        var (bucket, audit) = await PublicBucketRemediatedAsync(world);
        var decision = Assert.Single(audit.Decisions);
        var undo = await world.Runtime.Approvals.HandleAsync(ClickKind.Undo, new SlackActionValue(audit.EventId, decision.PolicyId, bucket), Integration.SlackApprovalWorld.UndoUser, CancellationToken.None);
        Assert.Equal(InteractionResult.Undone, undo.Result);

        var echo = await world.ProcessAsync(Fixture, bucket, Session(SessionPurpose.SlackInteraction(audit.EventId, Integration.SlackApprovalWorld.UndoUser).RoleSessionName));

        Assert.Equal(AuditOutcome.Skipped, echo.Outcome);
        Assert.StartsWith("own-action: ", echo.Reason, StringComparison.Ordinal);
        Assert.Contains($"under audit record {audit.EventId}", echo.Reason, StringComparison.Ordinal);
        Assert.Empty(echo.Decisions);
        Assert.Contains(await world.GrantsAsync(bucket), g => g.Contains(GrantFact.AllUsersUri, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_session_naming_an_audit_record_opsbot_does_not_have_is_acted_on_and_alerted_as_suspicious()
    {
        await using var world = await S3BucketWorld.CreateAsync(moto);
        var bucket = await MakePublicAsync(world);
        var forged = SessionPurpose.SlackInteraction(Guid.NewGuid().ToString(), "U0MALLORY").RoleSessionName;

        var audit = await world.ProcessAsync(Fixture, bucket, Session(forged));

        Assert.Equal(AuditOutcome.Remediated, audit.Outcome);
        Assert.StartsWith(OwnActions.Suspicion, audit.Actor.Suspicion, StringComparison.Ordinal);
        Assert.DoesNotContain(await world.GrantsAsync(bucket), g => g.Contains(GrantFact.AllUsersUri, StringComparison.Ordinal));
        var stored = await world.Runtime.StateStore.ReadAuditAsync(audit.EventId, CancellationToken.None);
        Assert.StartsWith(OwnActions.Suspicion, stored!.Actor.Suspicion, StringComparison.Ordinal);
        var alert = Assert.Single(world.Slack.Requests("/api/chat.postMessage"));
        Assert.Contains("suspicious: made with OpsBot's role but not by OpsBot", Integration.SlackApprovalWorld.Text(alert), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mallory")]
    [InlineData("opsbot-remediation")]
    public async Task The_role_under_a_name_opsbot_does_not_give_is_acted_on_and_flagged(string sessionName)
    {
        await using var world = await S3BucketWorld.CreateAsync(moto);
        var bucket = await MakePublicAsync(world);

        var audit = await world.ProcessAsync(Fixture, bucket, Session(sessionName));

        Assert.Equal(AuditOutcome.Remediated, audit.Outcome);
        Assert.Contains($"session '{sessionName}'", audit.Actor.Suspicion, StringComparison.Ordinal);
        Assert.DoesNotContain(await world.GrantsAsync(bucket), g => g.Contains(GrantFact.AllUsersUri, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_recorded_audit_id_from_another_account_is_not_an_own_action()
    {
        await using var world = await S3BucketWorld.CreateAsync(moto);
        var (_, audit) = await PublicBucketRemediatedAsync(world);
        var other = await MakePublicAsync(world);
        var session = SessionPurpose.EventHandler(audit.EventId).RoleSessionName;

        var echo = await world.ProcessAsync(Fixture, other, $"arn:aws:sts::222222222222:assumed-role/{OpsBotSettings.DefaultMemberRoleName}/{session}");

        Assert.Equal(AuditOutcome.Remediated, echo.Outcome);
        Assert.Contains("no record of in 222222222222", echo.Actor.Suspicion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_elses_call_is_not_flagged()
    {
        await using var world = await S3BucketWorld.CreateAsync(moto);
        var bucket = await MakePublicAsync(world);

        var audit = await world.ProcessAsync(Fixture, bucket, $"arn:aws:sts::{Integration.RemediationWorld.MemberAccount}:assumed-role/Admin/alice");

        Assert.Equal(AuditOutcome.Remediated, audit.Outcome);
        Assert.Null(audit.Actor.Suspicion);
    }

    private static string Session(string sessionName) =>
        $"arn:aws:sts::{Integration.RemediationWorld.MemberAccount}:assumed-role/{OpsBotSettings.DefaultMemberRoleName}/{sessionName}";

    private static async Task<(string Bucket, AuditRecord Audit)> PublicBucketRemediatedAsync(S3BucketWorld world)
    {
        var bucket = await MakePublicAsync(world);
        var audit = await world.ProcessAsync(Fixture, bucket);
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
