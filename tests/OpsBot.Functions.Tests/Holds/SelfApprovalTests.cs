using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Holds;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Integration;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Tests.Holds;

/// <summary>
/// No self-approval, on moto: the Slack user mapped (<c>OPSBOT_SLACK_ACTOR_USERS</c>) to the CloudTrail
/// principal who made the change cannot undo its remediation, exempt it, or approve it; each refusal is
/// said to the clicker on the click, before any modal opens, and recorded, and nothing is changed.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SelfApprovalTests(MotoServer moto)
{
    private const string AdminPortsPolicy = "ec2-sg-admin-ports-public";
    private const string Alice = "arn:aws:sts::111111111111:assumed-role/Developer/alice";
    private static readonly Lazy<PolicySet> Shipped = new(() => PolicySet.Load(RepositoryPaths.Policies));

    private static SelfApprovalGuard AliceIs(string user) => SelfApprovalGuard.Read(new DictionaryEnvironmentVariables(new Dictionary<string, string> { [SelfApprovalGuard.Variable] = $"{user}={Alice}" }));

    [Fact]
    public async Task The_author_of_the_change_cannot_undo_or_exempt_it()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto, Shipped.Value, actorUsers: AliceIs(SlackApprovalWorld.UndoUser));
        var (groupId, eventId, _, audit) = await world.OpenSshAndProcessAsync();
        Assert.Equal(Alice, audit.Actor.Arn);
        var value = new SlackActionValue(eventId, AdminPortsPolicy, groupId);

        var undo = await world.UndoAsync(value, SlackApprovalWorld.UndoUser, "I need it");
        await world.ClickAsync(SlackActionIds.Exempt, value, SlackApprovalWorld.UndoUser, new(SlackApprovalWorld.Channel, "1700000000.000001"));

        Assert.Contains("You made this change, so you cannot undo it yourself", undo.Body, StringComparison.Ordinal);
        Assert.Contains("You made this change, so you cannot exempt it yourself", world.Notices()[^1], StringComparison.Ordinal);
        Assert.Empty(world.Requests("/api/views.open"));
        Assert.Equal(["443"], (await world.World.IngressRulesAsync(groupId)).Select(r => r.FromPort.ToString()));
        Assert.Empty(await world.Runtime.Holds.ReadAsync(RemediationWorld.MemberAccount, RemediationWorld.Region, groupId, CancellationToken.None));
        Assert.Equal(AuditOutcome.Remediated, Assert.Single((await world.Runtime.StateStore.ReadAuditAsync(eventId, CancellationToken.None))!.Decisions).Outcome);
        var refusals = (await world.Runtime.StateStore.ReadInteractionsAsync(eventId, CancellationToken.None)).Where(i => i.Result == InteractionResult.Refused).ToList();
        Assert.Equal(2, refusals.Count);
        Assert.All(refusals, r => Assert.Contains($"which {SelfApprovalGuard.Variable} maps to Slack user {SlackApprovalWorld.UndoUser}", r.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_approver_may_undo_what_the_author_may_not()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto, Shipped.Value, actorUsers: AliceIs("U0ALICE"));
        var (groupId, eventId, _, _) = await world.OpenSshAndProcessAsync();

        var (status, body) = await world.UndoAsync(new SlackActionValue(eventId, AdminPortsPolicy, groupId), SlackApprovalWorld.UndoUser, "approved by secops");

        Assert.Equal((200, ""), (status, body));
        Assert.Equal(2, (await world.World.IngressRulesAsync(groupId)).Count);
    }

    [Fact]
    public async Task The_author_cannot_approve_their_own_change()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto, actorUsers: AliceIs("U0APPROVER1"));
        var (groupId, eventId, _, audit) = await world.OpenSshAndProcessAsync();
        Assert.Equal(AuditOutcome.PendingApproval, audit.Outcome);
        var decision = Assert.Single(audit.Decisions);

        var outcome = await world.Runtime.Approvals.HandleAsync(OpsBot.Functions.Approvals.ClickKind.Approve, new SlackActionValue(eventId, decision.PolicyId, groupId), "U0APPROVER1", CancellationToken.None);

        Assert.Equal(InteractionResult.Refused, outcome.Result);
        Assert.Contains("may not approve their own change", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(2, (await world.World.IngressRulesAsync(groupId)).Count);
        Assert.Equal(OpsBot.Functions.State.PendingStatus.Pending, (await world.PendingAsync(audit)).Status);
    }

    [Fact]
    public void A_malformed_mapping_is_refused_naming_the_variable()
    {
        var bad = Assert.Throws<InvalidSettingException>(() => SelfApprovalGuard.Read(new DictionaryEnvironmentVariables(new Dictionary<string, string> { [SelfApprovalGuard.Variable] = "U0ALICE=alice" })));
        var user = Assert.Throws<InvalidSettingException>(() => SelfApprovalGuard.Read(new DictionaryEnvironmentVariables(new Dictionary<string, string> { [SelfApprovalGuard.Variable] = $"alice={Alice}" })));

        Assert.Equal(SelfApprovalGuard.Variable, bad.Setting);
        Assert.Contains("is not an ARN", bad.Message, StringComparison.Ordinal);
        Assert.Contains("'alice' is not a Slack user id", user.Message, StringComparison.Ordinal);
    }
}
