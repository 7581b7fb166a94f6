using OpsBot.Functions.Audit;
using OpsBot.Functions.Pipeline;
using OpsBot.Cli.Local;
using OpsBot.Functions.Tests.Emulator;

namespace OpsBot.Functions.Tests.Integration;

[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RemediationPipelineTests(MotoServer moto)
{
    private const string AdminPortsPolicy = "ec2-sg-admin-ports-public";

    [Fact]
    public async Task Revokes_only_world_open_ssh_in_the_member_account_and_keeps_https()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));

        var result = await world.Runtime.Pipeline.ProcessAsync(SshAndHttpsEvent(groupId, ruleIds, "evt-" + Guid.NewGuid()), "m-1", CancellationToken.None);

        var remaining = await world.IngressRulesAsync(groupId);
        Assert.Equal(["443 0.0.0.0/0"], remaining.Select(r => $"{r.FromPort} {r.CidrIpv4}"));
        Assert.Equal(AuditOutcome.Remediated, result.Audit!.Outcome);
        var decision = Assert.Single(result.Audit.Decisions);
        var revoked = Assert.Single(decision.Revoked);
        Assert.Equal((ruleIds["22 0.0.0.0/0"], 22, "0.0.0.0/0", false), (revoked.RuleId, revoked.FromPort, revoked.Source, revoked.Unconfirmed));
        Assert.True(decision.CompliantAfter);
    }

    [Fact]
    public async Task Sends_an_sns_alert_naming_policy_actor_and_revoked_rule()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));

        await world.Runtime.Pipeline.ProcessAsync(SshAndHttpsEvent(groupId, ruleIds, "evt-" + Guid.NewGuid()), "m-1", CancellationToken.None);

        var alert = Assert.Single(await world.DrainAlertsAsync());
        Assert.Equal("high", alert.Attributes["severity"]);
        Assert.Equal(AdminPortsPolicy, alert.Attributes["policy_id"]);
        Assert.Equal(RemediationWorld.MemberAccount, alert.Attributes["account"]);
        Assert.Contains(groupId, alert.Subject, StringComparison.Ordinal);
        Assert.Equal("Remediated", alert.Message.GetProperty("outcome").GetString());
        Assert.Equal($"arn:aws:sts::{RemediationWorld.MemberAccount}:assumed-role/Developer/alice", alert.Message.GetProperty("actor").GetProperty("arn").GetString());
        Assert.Equal("198.51.100.23", alert.Message.GetProperty("actor").GetProperty("sourceIp").GetString());
        Assert.Equal(ruleIds["22 0.0.0.0/0"], alert.Message.GetProperty("revoked")[0].GetProperty("ruleId").GetString());
    }

    [Fact]
    public async Task Writes_an_audit_record_with_actor_policy_hash_and_restorable_permissions()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
        var eventId = "evt-" + Guid.NewGuid();

        await world.Runtime.Pipeline.ProcessAsync(SshAndHttpsEvent(groupId, ruleIds, eventId), "m-1", CancellationToken.None);

        var audit = await world.Runtime.StateStore.ReadAuditAsync(eventId, CancellationToken.None);
        Assert.NotNull(audit);
        Assert.Equal((RemediationWorld.MemberAccount, "us-east-1", "AuthorizeSecurityGroupIngress"), (audit.Account, audit.Region, audit.EventName));
        Assert.Equal("198.51.100.23", audit.Actor.SourceIp);
        Assert.StartsWith("aws-cli/2.15.30", audit.Actor.UserAgent, StringComparison.Ordinal);
        Assert.Equal([groupId], audit.Resources);
        var decision = Assert.Single(audit.Decisions);
        Assert.Equal(AdminPortsPolicy, decision.PolicyId);
        Assert.Equal(world.Runtime.Policies.Find(AdminPortsPolicy)!.SourceHash, decision.PolicyHash);
        Assert.Matches("^[0-9a-f]{64}$", decision.PolicyHash);
        var revoked = Assert.Single(decision.Revoked).ToFact();
        Assert.Equal(("tcp", 22, 22, "0.0.0.0/0"), (revoked.Protocol, revoked.FromPort, revoked.ToPort, revoked.Source));
        Assert.Empty(audit.Errors);
    }

    [Fact]
    public async Task Revokes_only_the_world_open_ssh_rule_when_ssh_is_also_allowed_from_a_private_range()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var (groupId, ruleIds) = await world.CreateGroupAsync("bastion", (22, "0.0.0.0/0"), (22, "10.0.0.0/8"));
        var body = CloudTrailFixtures.Event("authorize-ssh-world-and-private.json", new Dictionary<string, string>
        {
            ["eventId"] = "evt-" + Guid.NewGuid(),
            ["account"] = RemediationWorld.MemberAccount,
            ["groupId"] = groupId,
            ["worldRuleId"] = ruleIds["22 0.0.0.0/0"],
            ["privateRuleId"] = ruleIds["22 10.0.0.0/8"],
        });

        var result = await world.Runtime.Pipeline.ProcessAsync(body, "m-1", CancellationToken.None);

        var remaining = await world.IngressRulesAsync(groupId);
        Assert.Equal([ruleIds["22 10.0.0.0/8"]], remaining.Select(r => r.SecurityGroupRuleId));
        Assert.Equal([ruleIds["22 0.0.0.0/0"]], result.Audit!.Decisions.SelectMany(d => d.Revoked).Select(r => r.RuleId));
    }

    [Fact]
    public async Task Acts_once_when_the_same_event_is_delivered_five_times()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
        var body = SshAndHttpsEvent(groupId, ruleIds, "evt-" + Guid.NewGuid());

        var results = new List<Pipeline.PipelineResult>();
        for (var delivery = 1; delivery <= 5; delivery++)
        {
            results.Add(await world.Runtime.Pipeline.ProcessAsync(body, $"m-{delivery}", CancellationToken.None));
        }

        var acted = Assert.Single(results, r => !r.IsDuplicate);
        Assert.Same(results[0], acted);
        var revoked = Assert.Single(acted.Audit!.Decisions.SelectMany(d => d.Revoked));
        Assert.False(revoked.Unconfirmed);
        Assert.Single(await world.DrainAlertsAsync());
        var audit = await world.Runtime.StateStore.ReadAuditAsync(results[0].EventId, CancellationToken.None);
        Assert.Equal(AuditOutcome.Remediated, audit!.Outcome);
        Assert.Single(audit.Decisions);
    }

    [Fact]
    public async Task Succeeds_without_error_when_the_rule_was_revoked_before_the_event_is_processed()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
        await world.MemberEc2.RevokeSecurityGroupIngressAsync(new Amazon.EC2.Model.RevokeSecurityGroupIngressRequest { GroupId = groupId, SecurityGroupRuleIds = [ruleIds["22 0.0.0.0/0"]] });

        var result = await world.Runtime.Pipeline.ProcessAsync(SshAndHttpsEvent(groupId, ruleIds, "evt-" + Guid.NewGuid()), "m-1", CancellationToken.None);

        Assert.Equal(AuditOutcome.Skipped, result.Audit!.Outcome);
        Assert.StartsWith("compliant:", result.Audit.Reason, StringComparison.Ordinal);
        Assert.Empty(result.Audit.Errors);
        Assert.Equal(["443 0.0.0.0/0"], (await world.IngressRulesAsync(groupId)).Select(r => $"{r.FromPort} {r.CidrIpv4}"));
    }

    [Fact]
    public async Task Refuses_an_event_older_than_the_window_in_which_duplicates_are_recognised()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
        var old = DateTimeOffset.UtcNow.AddDays(-25).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var body = System.Text.RegularExpressions.Regex.Replace(SshAndHttpsEvent(groupId, ruleIds, "evt-" + Guid.NewGuid()), "\"(time|eventTime)\": \"[0-9T:-]+Z\"", m => $"\"{m.Groups[1].Value}\": \"{old}\"");

        var result = await world.Runtime.Pipeline.ProcessAsync(body, "m-1", CancellationToken.None);

        Assert.Equal(AuditOutcome.Rejected, result.Audit!.Outcome);
        Assert.Contains("older than the 20 days within which duplicates are recognised", result.Audit.Reason, StringComparison.Ordinal);
        Assert.Equal(2, (await world.IngressRulesAsync(groupId)).Count);
    }

    [Fact]
    public async Task Changes_nothing_when_a_forged_event_names_a_compliant_group()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var (groupId, before) = await world.CreateGroupAsync("web", (443, "0.0.0.0/0"), (22, "10.0.0.0/8"));
        var forged = SshAndHttpsEvent(groupId, new Dictionary<string, string> { ["22 0.0.0.0/0"] = "sgr-0forged0000000001", ["443 0.0.0.0/0"] = before["443 0.0.0.0/0"] }, "evt-" + Guid.NewGuid());

        var result = await world.Runtime.Pipeline.ProcessAsync(forged, "m-1", CancellationToken.None);

        Assert.Equal(AuditOutcome.Skipped, result.Audit!.Outcome);
        Assert.Empty(result.Audit.Decisions);
        Assert.Equal(before.Values.Order(), (await world.IngressRulesAsync(groupId)).Select(r => r.SecurityGroupRuleId).Order());
        Assert.Empty(await world.DrainAlertsAsync());
    }

    [Fact]
    public async Task Skips_and_audits_an_event_whose_call_failed()
    {
        await using var world = await RemediationWorld.CreateAsync(moto);
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"));
        var eventId = "evt-" + Guid.NewGuid();
        var body = CloudTrailFixtures.Event("authorize-ssh-world-failed-call.json", new Dictionary<string, string>
        {
            ["eventId"] = eventId,
            ["account"] = RemediationWorld.MemberAccount,
            ["groupId"] = groupId,
            ["sshRuleId"] = ruleIds["22 0.0.0.0/0"],
            ["httpsRuleId"] = "sgr-unused",
        });

        await world.Runtime.Pipeline.ProcessAsync(body, "m-1", CancellationToken.None);

        var audit = await world.Runtime.StateStore.ReadAuditAsync(eventId, CancellationToken.None);
        Assert.Equal(AuditOutcome.Skipped, audit!.Outcome);
        Assert.StartsWith("failed-call:", audit.Reason, StringComparison.Ordinal);
        Assert.Contains("Client.UnauthorizedOperation", audit.Reason, StringComparison.Ordinal);
        Assert.Single(await world.IngressRulesAsync(groupId));
    }

    [Fact]
    public async Task Only_alerts_when_every_policy_is_forced_to_notify()
    {
        await using var world = await RemediationWorld.CreateAsync(moto, forceNotify: true);
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));

        var result = await world.Runtime.Pipeline.ProcessAsync(SshAndHttpsEvent(groupId, ruleIds, "evt-" + Guid.NewGuid()), "m-1", CancellationToken.None);

        Assert.Equal(2, (await world.IngressRulesAsync(groupId)).Count);
        var decision = Assert.Single(result.Audit!.Decisions);
        Assert.Equal((AuditOutcome.Notified, "notify"), (decision.Outcome, decision.Mode));
        Assert.Empty(decision.Revoked);
        var alert = Assert.Single(await world.DrainAlertsAsync());
        Assert.Equal("Notified", alert.Message.GetProperty("outcome").GetString());
        Assert.Equal(ruleIds["22 0.0.0.0/0"], alert.Message.GetProperty("matched")[0].GetProperty("ruleId").GetString());
    }

    [Fact]
    public async Task Keeps_the_audit_record_and_leaves_the_alert_owed_for_redelivery_when_it_cannot_be_sent()
    {
        await using var world = await RemediationWorld.CreateAsync(moto, adjust: s => s with { AlertTopicArn = "arn:aws:sns:us-east-1:123456789012:no-such-topic" });
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
        var eventId = "evt-" + Guid.NewGuid();

        await Assert.ThrowsAsync<AnnouncementsOwedException>(() => world.Runtime.Pipeline.ProcessAsync(SshAndHttpsEvent(groupId, ruleIds, eventId), "m-1", CancellationToken.None));

        var audit = await world.Runtime.StateStore.ReadAuditAsync(eventId, CancellationToken.None);
        Assert.Equal(AuditOutcome.Remediated, audit!.Outcome);
        var sns = Assert.Single(audit.Announcements, a => a.Announcement.Channel == AnnouncementChannel.Sns);
        Assert.Equal((AnnouncementStatus.Owed, 1), (sns.Status, sns.Attempts));
        Assert.StartsWith($"SNS alert for {AdminPortsPolicy} not sent (attempt 1)", sns.LastError, StringComparison.Ordinal);
        Assert.Equal(AnnouncementStatus.Sent, Assert.Single(audit.Announcements, a => a.Announcement.Channel == AnnouncementChannel.ResultEvent).Status);
    }

    [Fact]
    public async Task Gives_up_an_alert_after_five_failed_attempts_alarms_once_and_finishes_the_event()
    {
        var metrics = new RecordingDeliveryMetrics();
        await using var world = await RemediationWorld.CreateAsync(moto, adjust: s => s with { AlertTopicArn = "arn:aws:sns:us-east-1:123456789012:no-such-topic" }, metrics: metrics);
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
        var eventId = "evt-" + Guid.NewGuid();
        var body = SshAndHttpsEvent(groupId, ruleIds, eventId);

        for (var attempt = 1; attempt < Outbox.AuditAnnouncer.MaxAttempts; attempt++)
        {
            await Assert.ThrowsAsync<AnnouncementsOwedException>(() => world.Runtime.Pipeline.ProcessAsync(body, $"m-{attempt}", CancellationToken.None));
        }

        var last = await world.Runtime.Pipeline.ProcessAsync(body, "m-last", CancellationToken.None);
        var duplicate = await world.Runtime.Pipeline.ProcessAsync(body, "m-after", CancellationToken.None);

        var sns = Assert.Single(last.Audit!.Announcements, a => a.Announcement.Channel == AnnouncementChannel.Sns);
        Assert.Equal((AnnouncementStatus.GivenUp, Outbox.AuditAnnouncer.MaxAttempts), (sns.Status, sns.Attempts));
        Assert.Equal([(eventId, sns.Announcement.Id)], metrics.GivenUp.Select(g => (g.EventId, g.AnnouncementId)));
        Assert.True(duplicate.IsDuplicate);
        Assert.Equal(["443"], (await world.IngressRulesAsync(groupId)).Select(r => r.FromPort.ToString()));
    }

    [Fact]
    public async Task Records_a_pending_action_and_alerts_without_revoking_in_approve_mode()
    {
        var policies = Rules.Policies.PolicySet.Load(RepositoryPaths.Fixture("Policies"));
        await using var world = await RemediationWorld.CreateAsync(moto, policies: policies);
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
        var eventId = "evt-" + Guid.NewGuid();

        var result = await world.Runtime.Pipeline.ProcessAsync(SshAndHttpsEvent(groupId, ruleIds, eventId), "m-1", CancellationToken.None);

        Assert.Equal(AuditOutcome.PendingApproval, result.Audit!.Outcome);
        Assert.Equal(2, (await world.IngressRulesAsync(groupId)).Count);
        var pending = Assert.Single(await world.Runtime.StateStore.ReadPendingAsync(eventId, CancellationToken.None));
        Assert.Equal((groupId, RemediationWorld.MemberAccount, ruleIds["22 0.0.0.0/0"]), (pending.ResourceId, pending.Account, Assert.Single(pending.Revoke).RuleId));
        Assert.Equal(TimeSpan.FromHours(2), pending.ExpiresAt - pending.RequestedAt);
        Assert.Equal(["U0123ABCD"], pending.Approvers);
        Assert.Equal("PendingApproval", Assert.Single(await world.DrainAlertsAsync()).Message.GetProperty("outcome").GetString());
    }

    internal static string SshAndHttpsEvent(string groupId, IReadOnlyDictionary<string, string> ruleIds, string eventId) =>
        CloudTrailFixtures.Event("authorize-ssh-and-https-world.json", new Dictionary<string, string>
        {
            ["eventId"] = eventId,
            ["account"] = RemediationWorld.MemberAccount,
            ["groupId"] = groupId,
            ["sshRuleId"] = ruleIds["22 0.0.0.0/0"],
            ["httpsRuleId"] = ruleIds["443 0.0.0.0/0"],
        });
}
