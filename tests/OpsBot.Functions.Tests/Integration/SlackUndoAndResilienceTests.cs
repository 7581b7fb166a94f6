using System.Globalization;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.State;
using OpsBot.Cli.Local;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Slack;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Tests.Integration;

[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SlackUndoAndResilienceTests(MotoServer moto)
{
    private const string AdminPortsPolicy = "ec2-sg-admin-ports-public";
    private static readonly Lazy<PolicySet> Shipped = new(() => PolicySet.Load(RepositoryPaths.Policies));

    [Fact]
    public async Task Undo_restores_exactly_the_revoked_rules_and_the_message_names_who_undid_it()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto, Shipped.Value);
        var (groupId, eventId, _, audit) = await world.OpenSshAndProcessAsync();
        var revoked = Assert.Single(Assert.Single(audit.Decisions).Revoked);
        var alert = Assert.Single(world.Requests("/api/chat.postMessage"));
        Assert.Contains(SlackActionIds.Undo, alert["blocks"]!.ToJsonString(), StringComparison.Ordinal);
        var message = new SlackMessageLocation((string)alert["channel"]!, "1700000000.000001");

        await world.UndoAsync(new SlackActionValue(eventId, AdminPortsPolicy, groupId), SlackApprovalWorld.UndoUser, "vendor needs SSH for an hour", message);

        var rules = await world.World.IngressRulesAsync(groupId);
        Assert.Equal(["tcp 22-22 0.0.0.0/0", "tcp 443-443 0.0.0.0/0"], rules.Select(r => $"{r.IpProtocol} {r.FromPort}-{r.ToPort} {r.CidrIpv4}").Order());
        Assert.DoesNotContain(rules, r => r.SecurityGroupRuleId == revoked.RuleId);
        var update = Assert.Single(world.Requests("/api/chat.update"));
        Assert.Contains($"Undone by <@{SlackApprovalWorld.UndoUser}>", SlackApprovalWorld.Text(update["blocks"]!), StringComparison.Ordinal);
        var decision = Assert.Single((await world.Runtime.StateStore.ReadAuditAsync(eventId, CancellationToken.None))!.Decisions);
        Assert.Equal(AuditOutcome.Undone, decision.Outcome);
        Assert.Contains($"undone by {SlackApprovalWorld.UndoUser}", decision.Reason, StringComparison.Ordinal);
        Assert.Equal([InteractionResult.Undone, InteractionResult.ModalOpened], (await world.Runtime.StateStore.ReadInteractionsAsync(eventId, CancellationToken.None)).Select(c => c.Result).Order());
    }

    [Fact]
    public async Task A_second_undo_restores_nothing_more()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto, Shipped.Value);
        var (groupId, eventId, _, _) = await world.OpenSshAndProcessAsync();
        var value = new SlackActionValue(eventId, AdminPortsPolicy, groupId);
        var message = new SlackMessageLocation(SlackApprovalWorld.Channel, "1700000000.000001");
        await world.UndoAsync(value, SlackApprovalWorld.UndoUser, "first", message);

        await world.UndoAsync(value, SlackApprovalWorld.UndoUser, "second", message);

        Assert.Equal(2, (await world.World.IngressRulesAsync(groupId)).Count);
        var clicks = await world.Runtime.StateStore.ReadInteractionsAsync(eventId, CancellationToken.None);
        Assert.Equal([InteractionResult.Undone, InteractionResult.Refused], clicks.Select(c => c.Result).Where(r => r != InteractionResult.ModalOpened).OrderBy(r => r == InteractionResult.Refused));
    }

    [Fact]
    public async Task Undo_by_someone_who_is_neither_approver_nor_undo_user_is_refused()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto, Shipped.Value);
        var (groupId, eventId, _, _) = await world.OpenSshAndProcessAsync();

        var (status, body) = await world.UndoAsync(new SlackActionValue(eventId, AdminPortsPolicy, groupId), "U0DEVELOPER", "let me in");
        Assert.Equal(200, status);
        Assert.Contains("Only approvers of", body, StringComparison.Ordinal);
        Assert.Empty(world.Requests("/api/views.open"));

        Assert.Equal(["443"], (await world.World.IngressRulesAsync(groupId)).Select(r => r.FromPort.ToString()));
        Assert.Equal([InteractionResult.Refused], (await world.Runtime.StateStore.ReadInteractionsAsync(eventId, CancellationToken.None)).Select(c => c.Result).Where(r => r != InteractionResult.ModalOpened));
    }

    [Fact]
    public async Task A_rate_limited_alert_is_sent_again_after_retry_after_and_arrives()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto, Shipped.Value);
        world.Slack.Enqueue(ScriptedAnswer.RateLimited(7));

        var (_, _, _, audit) = await world.OpenSshAndProcessAsync();

        Assert.Equal(AuditOutcome.Remediated, audit.Outcome);
        Assert.Empty(audit.Errors);
        var posts = world.Slack.Received.Where(r => r.Path == "/api/chat.postMessage").ToList();
        Assert.Equal(2, posts.Count);
        Assert.Contains(TimeSpan.FromSeconds(7), world.Clock.Waits);
        Assert.True(posts[1].At - posts[0].At >= TimeSpan.FromSeconds(7), $"retried {posts[1].At - posts[0].At} after the 429");
        Assert.Equal(posts[0].Body, posts[1].Body);
        Assert.Single(await world.World.DrainAlertsAsync());
    }

    [Fact]
    public async Task A_slack_server_that_is_down_does_not_stop_remediation_or_the_sns_alert_and_is_audited()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto, Shipped.Value, SlackApprovalWorld.ClosedPort());

        var (groupId, _, stored) = await world.OpenSshAndProcessLeavingSlackOwedAsync();

        Assert.Equal(AuditOutcome.Remediated, stored.Outcome);
        Assert.Equal(["443"], (await world.World.IngressRulesAsync(groupId)).Select(r => r.FromPort.ToString()));
        Assert.Single(await world.World.DrainAlertsAsync());
        var slack = Assert.Single(stored.Announcements, a => a.Announcement.Channel == AnnouncementChannel.Slack);
        Assert.Equal(AnnouncementStatus.Owed, slack.Status);
        Assert.Equal($"Slack alert for {AdminPortsPolicy} not sent (attempt 1): Slack chat.postMessage failed: transport_error", slack.LastError);
        Assert.DoesNotContain(SlackApprovalWorld.Token, slack.LastError, StringComparison.Ordinal);
        Assert.All(stored.Announcements.Where(a => a.Announcement.Channel != AnnouncementChannel.Slack), a => Assert.Equal(AnnouncementStatus.Sent, a.Status));
    }

    [Fact]
    public async Task A_slack_server_error_does_not_stop_remediation_or_the_sns_alert_and_is_audited()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto, Shipped.Value);
        world.Slack.Enqueue(new ScriptedAnswer(500, "upstream connect error", "text/plain"));

        var (groupId, body, stored) = await world.OpenSshAndProcessLeavingSlackOwedAsync();

        Assert.Equal(["443"], (await world.World.IngressRulesAsync(groupId)).Select(r => r.FromPort.ToString()));
        Assert.Single(await world.World.DrainAlertsAsync());
        Assert.Equal(AuditOutcome.Remediated, stored.Outcome);
        Assert.Contains("Slack chat.postMessage failed: http_500", stored.Announcements.Single(a => a.Announcement.Channel == AnnouncementChannel.Slack).LastError, StringComparison.Ordinal);

        // Slack is back: the redelivery posts the one message still owed and re-sends nothing else.
        var redelivered = await world.Runtime.Pipeline.ProcessAsync(body, "m-2", CancellationToken.None);
        Assert.All(redelivered.Audit!.Announcements, a => Assert.Equal(AnnouncementStatus.Sent, a.Status));
        Assert.Empty(await world.World.DrainAlertsAsync());
    }

    [Fact]
    public async Task An_approval_request_slack_refuses_still_leaves_the_request_pending_and_audited()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto);
        world.Slack.Enqueue(ScriptedAnswer.Json("""{"ok":false,"error":"not_in_channel"}"""));

        var (_, _, stored) = await world.OpenSshAndProcessLeavingSlackOwedAsync();

        Assert.Equal(PendingStatus.Pending, (await world.PendingAsync(stored)).Status);
        Assert.Null((await world.PendingAsync(stored)).Message);
        Assert.Contains("not_in_channel", stored.Announcements.Single(a => a.Announcement.Channel == AnnouncementChannel.Slack).LastError, StringComparison.Ordinal);
    }

    // Until the signature verified, a request is anyone's: it used to be audited as a Rejected
    // interaction record, which let a forger fill the table. Now it is only counted (metric and a
    // sampled log line, see SlackEndpointHardeningTests).
    [Fact]
    public async Task A_forged_signature_gets_401_changes_nothing_and_costs_no_table_write()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto);
        var (groupId, eventId, _, audit) = await world.OpenSshAndProcessAsync();
        var pending = await world.PendingAsync(audit);
        var body = "payload=" + Uri.EscapeDataString($$"""{"type":"block_actions","user":{"id":"U0APPROVER1"},"actions":[{"action_id":"opsbot_approve","value":"{{pending.Action.EventId}}|{{pending.Action.PolicyId}}|{{pending.Action.ResourceId}}"}]}""");
        var timestamp = world.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var forged = new Functions.Slack.Signing.SlackSignatureVerifier("not-the-signing-secret", world.Clock).Sign(timestamp, body);
        var items = await world.TableItemCountAsync();

        var status = await world.SendAsync(body, timestamp, forged);

        Assert.Equal(401, status);
        Assert.Equal(2, (await world.World.IngressRulesAsync(groupId)).Count);
        Assert.Equal(PendingStatus.Pending, (await world.PendingAsync(audit)).Status);
        Assert.Equal(items, await world.TableItemCountAsync());
        Assert.Empty(await world.Runtime.StateStore.ReadInteractionsAsync(eventId, CancellationToken.None));
        Assert.Empty(await world.Runtime.StateStore.ReadUnattributedInteractionsAsync(DateOnly.FromDateTime(world.Clock.GetUtcNow().UtcDateTime), CancellationToken.None));
        Assert.Equal(1, world.Runtime.SlackInteractions!.RejectedRequests.Total);
    }

    [Fact]
    public async Task A_signed_request_without_a_payload_gets_400_and_is_audited()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto);
        const string body = "token=legacy&team_id=T0";
        var timestamp = world.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = new Functions.Slack.Signing.SlackSignatureVerifier(SlackApprovalWorld.SigningSecret, world.Clock).Sign(timestamp, body);

        var status = await world.SendAsync(body, timestamp, signature);

        Assert.Equal(400, status);
        var rejected = Assert.Single(await world.Runtime.StateStore.ReadUnattributedInteractionsAsync(DateOnly.FromDateTime(world.Clock.GetUtcNow().UtcDateTime), CancellationToken.None));
        Assert.Equal("malformed interaction: the body has no 'payload' form field", rejected.Reason);
    }

    [Fact]
    public async Task A_pipeline_without_slack_settings_posts_nothing_and_has_no_interactions_endpoint()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);

        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
        var result = await world.Runtime.Pipeline.ProcessAsync(RemediationPipelineTests.SshAndHttpsEvent(groupId, ruleIds, "evt-" + Guid.NewGuid()), "m-1", CancellationToken.None);

        Assert.Equal(AuditOutcome.Remediated, result.Audit!.Outcome);
        Assert.Empty(result.Audit.Errors);
        Assert.Null(world.Runtime.SlackInteractions);
    }
}
