using OpsBot.Functions.Audit;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.State;
using OpsBot.Cli.Local;
using OpsBot.Functions.Tests.Emulator;

namespace OpsBot.Functions.Tests.Integration;

[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SlackApprovalTests(MotoServer moto)
{
    private const string Approver = "U0APPROVER1";
    private const string OtherApprover = "U0APPROVER2";

    [Fact]
    public async Task Posts_the_approval_request_with_buttons_and_remembers_where_it_is()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto);

        var (groupId, _, ruleIds, audit) = await world.OpenSshAndProcessAsync();

        Assert.Equal(AuditOutcome.PendingApproval, audit.Outcome);
        Assert.Empty(audit.Errors);
        var request = Assert.Single(world.Requests("/api/chat.postMessage"));
        var buttons = request["blocks"]!.AsArray().Where(b => (string?)b!["type"] == "actions").SelectMany(b => b!["elements"]!.AsArray()).Select(e => (string)e!["action_id"]!);
        Assert.Equal([SlackActionIds.Approve, SlackActionIds.Deny], buttons);
        var pending = await world.PendingAsync(audit);
        Assert.Equal(PendingStatus.Pending, pending.Status);
        Assert.Equal((SlackApprovalWorld.Channel, "1700000000.000001"), (pending.Message!.Channel, pending.Message.Ts));
        Assert.Equal(2, (await world.World.IngressRulesAsync(groupId)).Count);
        Assert.Equal(ruleIds["22 0.0.0.0/0"], Assert.Single(pending.Action.Revoke).RuleId);
    }

    [Fact]
    public async Task Approve_revokes_the_ssh_rule_and_updates_the_message_to_approved_by_the_approver()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto);
        var (groupId, eventId, _, audit) = await world.OpenSshAndProcessAsync();
        var pending = await world.PendingAsync(audit);

        var status = await world.ClickAsync(SlackActionIds.Approve, Value(pending), Approver, pending.Message!);

        Assert.Equal(200, status);
        Assert.Equal(["443 0.0.0.0/0"], (await world.World.IngressRulesAsync(groupId)).Select(r => $"{r.FromPort} {r.CidrIpv4}"));
        var update = Assert.Single(world.Requests("/api/chat.update"));
        Assert.Equal(pending.Message!.Ts, (string?)update["ts"]);
        Assert.Contains($"Approved by <@{Approver}>", SlackApprovalWorld.Text(update["blocks"]!), StringComparison.Ordinal);
        Assert.Contains(SlackActionIds.Undo, SlackApprovalWorld.Text(update["blocks"]!), StringComparison.Ordinal);
        var settled = Assert.Single((await world.Runtime.StateStore.ReadAuditAsync(eventId, CancellationToken.None))!.Decisions);
        Assert.Equal((AuditOutcome.Remediated, true), (settled.Outcome, settled.CompliantAfter));
        Assert.Contains($"approved by {Approver}", settled.Reason, StringComparison.Ordinal);
        var click = Assert.Single(await world.Runtime.StateStore.ReadInteractionsAsync(eventId, CancellationToken.None));
        Assert.Equal((InteractionResult.Approved, Approver, SlackActionIds.Approve), (click.Result, click.UserId, click.ActionId));
        Assert.InRange(click.ElapsedMilliseconds, 0, 2999);
        Assert.Equal(PendingStatus.Approved, (await world.PendingAsync(audit)).Status);
    }

    [Fact]
    public async Task How_a_request_ended_is_announced_on_sns_as_well_as_in_slack()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto);
        var (groupId, eventId, _, audit) = await world.OpenSshAndProcessAsync();
        var pending = await world.PendingAsync(audit);

        await world.ClickAsync(SlackActionIds.Approve, Value(pending), Approver, pending.Message!);

        var alerts = (await world.World.DrainAlertsAsync()).Where(a => a.Message.GetProperty("eventId").GetString() == eventId).ToList();
        Assert.Equal(["PendingApproval", "Remediated"], alerts.Select(a => a.Message.GetProperty("outcome").GetString()));
        Assert.Equal(groupId, alerts[1].Message.GetProperty("resourceId").GetString());
    }

    [Fact]
    public async Task Deny_changes_nothing_and_the_message_says_who_denied()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto);
        var (groupId, eventId, _, audit) = await world.OpenSshAndProcessAsync();
        var pending = await world.PendingAsync(audit);

        await world.ClickAsync(SlackActionIds.Deny, Value(pending), OtherApprover, pending.Message!);

        Assert.Equal(2, (await world.World.IngressRulesAsync(groupId)).Count);
        var update = Assert.Single(world.Requests("/api/chat.update"));
        Assert.Contains($"Denied by <@{OtherApprover}>", SlackApprovalWorld.Text(update["blocks"]!), StringComparison.Ordinal);
        Assert.DoesNotContain("opsbot_approve", SlackApprovalWorld.Text(update["blocks"]!), StringComparison.Ordinal);
        Assert.Equal(AuditOutcome.Denied, (await world.Runtime.StateStore.ReadAuditAsync(eventId, CancellationToken.None))!.Outcome);
        Assert.Equal((PendingStatus.Denied, OtherApprover), ((await world.PendingAsync(audit)).Status, (await world.PendingAsync(audit)).HandledBy));
        Assert.Equal(InteractionResult.Denied, Assert.Single(await world.Runtime.StateStore.ReadInteractionsAsync(eventId, CancellationToken.None)).Result);
    }

    [Fact]
    public async Task An_approval_after_expiry_is_refused_and_the_message_says_expired()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto);
        var (groupId, eventId, _, audit) = await world.OpenSshAndProcessAsync();
        var pending = await world.PendingAsync(audit);
        world.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));

        await world.ClickAsync(SlackActionIds.Approve, Value(pending), Approver, pending.Message!);

        Assert.Equal(2, (await world.World.IngressRulesAsync(groupId)).Count);
        var update = Assert.Single(world.Requests("/api/chat.update"));
        Assert.Contains("Expired", SlackApprovalWorld.Text(update["blocks"]!), StringComparison.Ordinal);
        Assert.Contains("expired", Assert.Single(world.Notices()), StringComparison.Ordinal);
        Assert.Equal(PendingStatus.Expired, (await world.PendingAsync(audit)).Status);
        var click = Assert.Single(await world.Runtime.StateStore.ReadInteractionsAsync(eventId, CancellationToken.None));
        Assert.Equal(InteractionResult.Refused, click.Result);
        Assert.Contains("expired", click.Reason, StringComparison.Ordinal);
        Assert.Equal(AuditOutcome.Expired, (await world.Runtime.StateStore.ReadAuditAsync(eventId, CancellationToken.None))!.Outcome);
    }

    [Fact]
    public async Task The_sweep_expires_lapsed_requests_and_updates_their_messages_but_leaves_open_ones()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto);
        var (_, _, _, lapsed) = await world.OpenSshAndProcessAsync();
        world.Clock.Advance(TimeSpan.FromHours(1));
        var (_, _, _, open) = await world.OpenSshAndProcessAsync();
        world.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));

        var sweep = await world.Runtime.Sweeper.ExpirePendingAsync(world.Clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal((1, 1), (sweep.Expired, sweep.MessagesUpdated));
        Assert.Empty(sweep.Errors);
        Assert.Equal(PendingStatus.Expired, (await world.PendingAsync(lapsed)).Status);
        Assert.Equal(PendingStatus.Pending, (await world.PendingAsync(open)).Status);
        var update = Assert.Single(world.Requests("/api/chat.update"));
        Assert.Equal((await world.PendingAsync(lapsed)).Message!.Ts, (string?)update["ts"]);
        Assert.Contains("Approval expired", (string?)update["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_click_by_someone_who_is_not_an_approver_is_refused_privately_and_audited()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto);
        var (groupId, eventId, _, audit) = await world.OpenSshAndProcessAsync();
        var pending = await world.PendingAsync(audit);

        var status = await world.ClickAsync(SlackActionIds.Approve, Value(pending), "U0INTRUDER", pending.Message!);

        Assert.Equal(200, status);
        Assert.Equal(2, (await world.World.IngressRulesAsync(groupId)).Count);
        Assert.Empty(world.Requests("/api/chat.update"));
        Assert.Contains("not an approver", Assert.Single(world.Notices()), StringComparison.Ordinal);
        Assert.Equal(PendingStatus.Pending, (await world.PendingAsync(audit)).Status);
        var click = Assert.Single(await world.Runtime.StateStore.ReadInteractionsAsync(eventId, CancellationToken.None));
        Assert.Equal((InteractionResult.Refused, "U0INTRUDER"), (click.Result, click.UserId));
        Assert.Contains("not an approver", click.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_of_an_approver_user_group_may_approve()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto);
        var (groupId, _, _, audit) = await world.OpenSshAndProcessAsync();
        var pending = await world.PendingAsync(audit);

        await world.ClickAsync(SlackActionIds.Approve, Value(pending), "U0MEMBEROFGROUP", pending.Message!);

        Assert.Single(await world.World.IngressRulesAsync(groupId));
        Assert.Equal(PendingStatus.Approved, (await world.PendingAsync(audit)).Status);
        Assert.Contains(world.Slack.Received, r => r.Path == "/api/usergroups.users.list" && r.Body.Contains("S0SECOPSGROUP", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_user_outside_the_approver_user_group_is_refused()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto);
        var (groupId, eventId, _, audit) = await world.OpenSshAndProcessAsync();
        var pending = await world.PendingAsync(audit);

        await world.ClickAsync(SlackActionIds.Approve, Value(pending), "U0OUTSIDER", pending.Message!);

        Assert.Equal(2, (await world.World.IngressRulesAsync(groupId)).Count);
        Assert.Equal(PendingStatus.Pending, (await world.PendingAsync(audit)).Status);
        var click = Assert.Single(await world.Runtime.StateStore.ReadInteractionsAsync(eventId, CancellationToken.None));
        Assert.Equal(InteractionResult.Refused, click.Result);
    }

    [Fact]
    public async Task A_user_group_slack_will_not_read_matches_nobody_and_the_refusal_says_why()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto);
        var (groupId, eventId, _, audit) = await world.OpenSshAndProcessAsync();
        var pending = await world.PendingAsync(audit);
        world.Slack.UserGroups.Remove("S0SECOPSGROUP");

        await world.ClickAsync(SlackActionIds.Approve, Value(pending), "U0MEMBEROFGROUP", pending.Message!);

        Assert.Equal(2, (await world.World.IngressRulesAsync(groupId)).Count);
        var click = Assert.Single(await world.Runtime.StateStore.ReadInteractionsAsync(eventId, CancellationToken.None));
        Assert.Contains("user group S0SECOPSGROUP could not be read (no_such_subteam)", click.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_concurrent_approvals_revoke_once_and_the_other_is_told_who_handled_it()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto);
        var (groupId, eventId, _, audit) = await world.OpenSshAndProcessAsync();
        var pending = await world.PendingAsync(audit);

        await Task.WhenAll(
            Task.Run(() => world.ClickAsync(SlackActionIds.Approve, Value(pending), Approver, pending.Message!)),
            Task.Run(() => world.ClickAsync(SlackActionIds.Approve, Value(pending), OtherApprover, pending.Message!)));

        Assert.Single(await world.World.IngressRulesAsync(groupId));
        var clicks = await world.Runtime.StateStore.ReadInteractionsAsync(eventId, CancellationToken.None);
        var won = Assert.Single(clicks, c => c.Result == InteractionResult.Approved);
        var lost = Assert.Single(clicks, c => c.Result == InteractionResult.Refused);
        Assert.Equal($"already handled by {won.UserId}: approved", lost.Reason);
        Assert.Single(world.Requests("/api/chat.update"));
        Assert.Contains($"Already handled by <@{won.UserId}>", Assert.Single(world.Notices()), StringComparison.Ordinal);
        var settled = Assert.Single((await world.Runtime.StateStore.ReadAuditAsync(eventId, CancellationToken.None))!.Decisions);
        Assert.False(Assert.Single(settled.Revoked).Unconfirmed);
    }

    [Fact]
    public async Task Approve_when_the_rule_is_already_gone_changes_nothing_and_says_already_compliant()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto);
        var (groupId, eventId, ruleIds, audit) = await world.OpenSshAndProcessAsync();
        var pending = await world.PendingAsync(audit);
        await world.World.MemberEc2.RevokeSecurityGroupIngressAsync(new Amazon.EC2.Model.RevokeSecurityGroupIngressRequest { GroupId = groupId, SecurityGroupRuleIds = [ruleIds["22 0.0.0.0/0"]] });

        await world.ClickAsync(SlackActionIds.Approve, Value(pending), Approver, pending.Message!);

        Assert.Equal(["443 0.0.0.0/0"], (await world.World.IngressRulesAsync(groupId)).Select(r => $"{r.FromPort} {r.CidrIpv4}"));
        Assert.Contains("already complies", SlackApprovalWorld.Text(Assert.Single(world.Requests("/api/chat.update"))["blocks"]!), StringComparison.Ordinal);
        Assert.Equal(InteractionResult.AlreadyCompliant, Assert.Single(await world.Runtime.StateStore.ReadInteractionsAsync(eventId, CancellationToken.None)).Result);
    }

    private static SlackActionValue Value(StoredPendingAction pending) =>
        new(pending.Action.EventId, pending.Action.PolicyId, pending.Action.ResourceId);
}
