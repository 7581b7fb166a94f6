using System.Text.Json;
using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Holds;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Integration;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Tests.Holds;

/// <summary>
/// Undo that sticks, on moto through the pipeline, the Slack interactions function and the sweeper:
/// Undo asks why in a modal, records a suppression of the restored rule, and the same principal
/// re-opening the group is left alone until the suppression ends; then events and the sweep revoke it.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class UndoSticksTests(MotoServer moto)
{
    private const string AdminPortsPolicy = "ec2-sg-admin-ports-public";
    private static readonly Lazy<PolicySet> Shipped = new(() => PolicySet.Load(RepositoryPaths.Policies));

    [Fact]
    public async Task Undo_opens_a_modal_and_changes_nothing_until_it_is_submitted()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto, Shipped.Value);
        var (groupId, eventId, _, _) = await world.OpenSshAndProcessAsync();

        await world.ClickAsync(SlackActionIds.Undo, new SlackActionValue(eventId, AdminPortsPolicy, groupId), SlackApprovalWorld.UndoUser, new(SlackApprovalWorld.Channel, "1700000000.000001"));

        var open = Assert.Single(world.Requests("/api/views.open"));
        Assert.StartsWith("1337.", (string)open["trigger_id"]!, StringComparison.Ordinal);
        Assert.Equal(HoldModals.UndoCallback, (string)open["view"]!["callback_id"]!);
        Assert.Contains("will not remove it again for 1 day", SlackApprovalWorld.Text(open["view"]!), StringComparison.Ordinal);
        Assert.Equal(["443"], (await world.World.IngressRulesAsync(groupId)).Select(r => r.FromPort.ToString()));
        Assert.Empty(await world.Runtime.Holds.ReadAsync(RemediationWorld.MemberAccount, RemediationWorld.Region, groupId, CancellationToken.None));
    }

    [Fact]
    public async Task Undo_then_reopen_by_the_same_principal_is_not_revoked_until_the_suppression_ends_then_events_revoke_it()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto, Shipped.Value);
        var (groupId, eventId, _, _) = await world.OpenSshAndProcessAsync();
        await world.World.DrainAlertsAsync();
        var undoneAt = world.Clock.GetUtcNow();

        var (status, body) = await world.UndoAsync(new SlackActionValue(eventId, AdminPortsPolicy, groupId), SlackApprovalWorld.UndoUser, "vendor migration until tomorrow");

        Assert.Equal((200, ""), (status, body));
        Assert.Equal("Undone", Assert.Single(await world.World.DrainAlertsAsync()).Message.GetProperty("outcome").GetString());
        var hold = Assert.Single(await world.Runtime.Holds.ReadAsync(RemediationWorld.MemberAccount, RemediationWorld.Region, groupId, CancellationToken.None));
        Assert.Equal((HoldKind.Suppression, AdminPortsPolicy, SlackApprovalWorld.UndoUser, "vendor migration until tomorrow", eventId), (hold.Kind, hold.PolicyId, hold.By, hold.Reason, hold.AuditId));
        Assert.Equal(undoneAt + TimeSpan.FromHours(24), hold.Until);
        Assert.Equal(["ingress tcp 22-22 Ipv4Cidr 0.0.0.0/0"], hold.Rules.Select(r => $"{r.Direction} {r.Protocol} {r.FromPort}-{r.ToPort} {r.SourceKind} {r.Source}"));
        var undone = Assert.Single((await world.Runtime.StateStore.ReadAuditAsync(eventId, CancellationToken.None))!.Decisions);
        Assert.Contains("(reason: vendor migration until tomorrow)", undone.Reason, StringComparison.Ordinal);
        Assert.Contains($"suppressed until {ResourceHold.Stamp(hold.Until)} by {SlackApprovalWorld.UndoUser}", undone.Reason, StringComparison.Ordinal);

        // The same principal (the fixture's alice) opens it again: left alone, and the alerts say why.
        world.Clock.Advance(TimeSpan.FromHours(23));
        var during = await ReopenAsync(world, groupId);
        Assert.Equal(2, (await world.World.IngressRulesAsync(groupId)).Count);
        var held = Assert.Single(during.Decisions);
        Assert.Equal(AuditOutcome.Notified, held.Outcome);
        Assert.Empty(held.Revoked);
        Assert.StartsWith($"1 element(s) not remediated: suppressed until {ResourceHold.Stamp(hold.Until)} by {SlackApprovalWorld.UndoUser} (undo: vendor migration until tomorrow; audit {eventId})", held.Reason, StringComparison.Ordinal);
        var sns = Assert.Single(await world.World.DrainAlertsAsync());
        Assert.Contains("suppressed until", sns.Message.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var slack = SlackApprovalWorld.Text(world.Requests("/api/chat.postMessage")[^1]);
        Assert.Contains("suppressed until", slack, StringComparison.Ordinal);
        Assert.DoesNotContain(SlackActionIds.Exempt, slack, StringComparison.Ordinal);

        // It ends: the next event revokes the rule.
        world.Clock.Advance(TimeSpan.FromHours(1));
        var after = await ReopenAsync(world, groupId);
        Assert.Equal(AuditOutcome.Remediated, after.Outcome);
        Assert.Equal(["443"], (await world.World.IngressRulesAsync(groupId)).Select(r => r.FromPort.ToString()));
    }

    [Fact]
    public async Task A_new_violation_on_a_suppressed_group_is_still_revoked()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto, Shipped.Value);
        var (groupId, eventId, _, _) = await world.OpenSshAndProcessAsync();
        await world.UndoAsync(new SlackActionValue(eventId, AdminPortsPolicy, groupId), SlackApprovalWorld.UndoUser, "vendor needs SSH");
        await world.World.MemberEc2.AuthorizeSecurityGroupIngressAsync(new Amazon.EC2.Model.AuthorizeSecurityGroupIngressRequest
        {
            GroupId = groupId,
            IpPermissions = [new Amazon.EC2.Model.IpPermission { IpProtocol = "tcp", FromPort = 3389, ToPort = 3389, Ipv4Ranges = [new Amazon.EC2.Model.IpRange { CidrIp = "0.0.0.0/0" }] }],
        });

        var audit = await ReopenAsync(world, groupId);

        Assert.Equal(["22", "443"], (await world.World.IngressRulesAsync(groupId)).Select(r => r.FromPort.ToString()).Order());
        var decision = Assert.Single(audit.Decisions);
        Assert.Equal(AuditOutcome.Remediated, decision.Outcome);
        Assert.Equal([3389], decision.Revoked.Select(r => r.FromPort));
        Assert.Contains("1 element(s) not remediated: suppressed until", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sweep_leaves_a_suppressed_rule_alone_and_revokes_it_after_the_suppression_ends()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto, Shipped.Value);
        var (groupId, eventId, _, _) = await world.OpenSshAndProcessAsync();
        await world.UndoAsync(new SlackActionValue(eventId, AdminPortsPolicy, groupId), SlackApprovalWorld.UndoUser, "vendor needs SSH");

        await world.Runtime.MissedViolations.SweepAsync([RemediationWorld.MemberAccount], [RemediationWorld.Region], CancellationToken.None);
        await world.Runtime.MissedViolations.SweepAsync([RemediationWorld.MemberAccount], [RemediationWorld.Region], CancellationToken.None);

        Assert.Equal(["22", "443"], (await world.World.IngressRulesAsync(groupId)).Select(r => r.FromPort.ToString()).Order());
        var heldAlerts = (await world.World.DrainAlertsAsync()).Where(a => a.Message.GetProperty("resourceId").GetString() == groupId && a.Message.GetProperty("outcome").GetString() == "Notified" && a.Message.GetProperty("reason").GetString()!.Contains("suppressed until", StringComparison.Ordinal));
        Assert.Single(heldAlerts);

        world.Clock.Advance(TimeSpan.FromHours(24));
        await world.Runtime.MissedViolations.SweepAsync([RemediationWorld.MemberAccount], [RemediationWorld.Region], CancellationToken.None);

        Assert.Equal(["443"], (await world.World.IngressRulesAsync(groupId)).Select(r => r.FromPort.ToString()));
    }

    [Fact]
    public async Task A_policy_sets_its_own_suppression()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Policies, "ec2-sg-admin-ports-public.yaml")).Replace("  mode: enforce", "  mode: enforce\n  suppressFor: 2h", StringComparison.Ordinal);
        var folder = Directory.CreateTempSubdirectory("opsbot-suppress-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "policy.yaml"), text);
            await using var world = await SlackApprovalWorld.CreateAsync(moto, PolicySet.Load(folder));
            var (groupId, eventId, _, _) = await world.OpenSshAndProcessAsync();

            await world.UndoAsync(new SlackActionValue(eventId, AdminPortsPolicy, groupId), SlackApprovalWorld.UndoUser, "two hours");

            var hold = Assert.Single(await world.Runtime.Holds.ReadAsync(RemediationWorld.MemberAccount, RemediationWorld.Region, groupId, CancellationToken.None));
            Assert.Equal(TimeSpan.FromHours(2), hold.Until - hold.CreatedAt);
            Assert.Contains("will not remove it again for 2 hours", SlackApprovalWorld.Text(world.Requests("/api/views.open")[^1]), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // The fixture's principal authorizes SSH again: the event names the group's current rules.
    private static async Task<AuditRecord> ReopenAsync(SlackApprovalWorld world, string groupId)
    {
        var rules = await world.World.IngressRulesAsync(groupId);
        var ids = new Dictionary<string, string>
        {
            ["22 0.0.0.0/0"] = rules.FirstOrDefault(r => r.FromPort == 22)?.SecurityGroupRuleId ?? "sgr-00000000000000022",
            ["443 0.0.0.0/0"] = rules.First(r => r.FromPort == 443).SecurityGroupRuleId,
        };
        var result = await world.Runtime.Pipeline.ProcessAsync(RemediationPipelineTests.SshAndHttpsEvent(groupId, ids, "evt-" + Guid.NewGuid()), "m-1", CancellationToken.None);
        return result.Audit!;
    }
}
