using System.Text.Json.Nodes;
using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Holds;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.State;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Integration;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Tests.Holds;

/// <summary>
/// The Exempt flow on moto: the alert's "Exempt for…" button opens a modal with the policy's durations,
/// the submission records who, why and until when and updates the alert; a clicker who may not exempt
/// is refused on the click, with no modal; the pipeline and the sweeper leave the resource
/// alone until it ends, and the next sweep after that remediates it.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ExemptionTests(MotoServer moto)
{
    private const string AdminPortsPolicy = "ec2-sg-admin-ports-public";
    private static readonly Lazy<PolicySet> Shipped = new(() => PolicySet.Load(RepositoryPaths.Policies));

    [Fact]
    public async Task The_alert_offers_exempt_and_its_modal_offers_durations_up_to_the_policy_max()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto, Shipped.Value);
        var (groupId, eventId, _, _) = await world.OpenSshAndProcessAsync();
        var alert = SlackApprovalWorld.Text(Assert.Single(world.Requests("/api/chat.postMessage")));
        Assert.Contains($"\"action_id\":\"{SlackActionIds.Exempt}\"", alert, StringComparison.Ordinal);

        await world.ClickAsync(SlackActionIds.Exempt, new SlackActionValue(eventId, AdminPortsPolicy, groupId), SlackApprovalWorld.UndoUser, new(SlackApprovalWorld.Channel, "1700000000.000001"));

        var view = Assert.Single(world.Requests("/api/views.open"))["view"]!;
        Assert.Equal(HoldModals.ExemptCallback, (string)view["callback_id"]!);
        var options = view["blocks"]!.AsArray().Single(b => (string?)b!["block_id"] == HoldModals.DurationBlock)!["element"]!["options"]!.AsArray();
        Assert.Equal(["1d", "7d", "30d"], options.Select(o => (string)o!["value"]!));
        Assert.Empty(await world.Runtime.Holds.ListLiveAsync(world.Clock.GetUtcNow(), CancellationToken.None));
    }

    [Fact]
    public async Task An_exemption_from_slack_is_honoured_by_pipeline_and_sweeper_then_ends_and_the_sweep_remediates()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto, Shipped.Value);
        var (groupId, eventId, _, _) = await world.OpenSshAndProcessAsync();
        await world.World.DrainAlertsAsync();
        var exemptAt = world.Clock.GetUtcNow();
        await world.ClickAsync(SlackActionIds.Exempt, new SlackActionValue(eventId, AdminPortsPolicy, groupId), SlackApprovalWorld.UndoUser, new(SlackApprovalWorld.Channel, "1700000000.000001"));

        var (status, body) = await world.SubmitModalAsync(SlackApprovalWorld.UndoUser, "bastion until the VPN is live", "7d");

        Assert.Equal((200, ""), (status, body));
        var hold = Assert.Single(await world.Runtime.Holds.ReadAsync(RemediationWorld.MemberAccount, RemediationWorld.Region, groupId, CancellationToken.None));
        Assert.Equal((HoldKind.Exemption, SlackApprovalWorld.UndoUser, "bastion until the VPN is live", exemptAt + TimeSpan.FromDays(7), eventId), (hold.Kind, hold.By, hold.Reason, hold.Until, hold.AuditId));
        Assert.True(hold.CoversAll);
        Assert.Contains(InteractionResult.Exempted, (await world.Runtime.StateStore.ReadInteractionsAsync(eventId, CancellationToken.None)).Select(i => i.Result));

        // While exempt, neither an event nor a sweep touches the group.
        world.Clock.Advance(TimeSpan.FromDays(6));
        await world.World.MemberEc2.AuthorizeSecurityGroupIngressAsync(new Amazon.EC2.Model.AuthorizeSecurityGroupIngressRequest
        {
            GroupId = groupId,
            IpPermissions = [new Amazon.EC2.Model.IpPermission { IpProtocol = "tcp", FromPort = 22, ToPort = 22, Ipv4Ranges = [new Amazon.EC2.Model.IpRange { CidrIp = "0.0.0.0/0" }] }],
        });
        var rules = await world.World.IngressRulesAsync(groupId);
        var ids = new Dictionary<string, string> { ["22 0.0.0.0/0"] = rules.Single(r => r.FromPort == 22).SecurityGroupRuleId, ["443 0.0.0.0/0"] = rules.Single(r => r.FromPort == 443).SecurityGroupRuleId };
        var during = (await world.Runtime.Pipeline.ProcessAsync(RemediationPipelineTests.SshAndHttpsEvent(groupId, ids, "evt-" + Guid.NewGuid()), "m-1", CancellationToken.None)).Audit!;
        await world.Runtime.MissedViolations.SweepAsync([RemediationWorld.MemberAccount], [RemediationWorld.Region], CancellationToken.None);

        Assert.Equal(2, (await world.World.IngressRulesAsync(groupId)).Count);
        var held = Assert.Single(during.Decisions);
        Assert.Equal(AuditOutcome.Notified, held.Outcome);
        Assert.StartsWith($"1 element(s) not remediated: exempted until {ResourceHold.Stamp(hold.Until)} by {SlackApprovalWorld.UndoUser} (exemption: bastion until the VPN is live; audit {eventId})", held.Reason, StringComparison.Ordinal);

        world.Clock.Advance(TimeSpan.FromDays(1));
        await world.Runtime.MissedViolations.SweepAsync([RemediationWorld.MemberAccount], [RemediationWorld.Region], CancellationToken.None);

        Assert.Equal(["443"], (await world.World.IngressRulesAsync(groupId)).Select(r => r.FromPort.ToString()));
    }

    [Fact]
    public async Task Someone_who_is_neither_approver_nor_undo_user_cannot_exempt()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto, Shipped.Value);
        var (groupId, eventId, _, _) = await world.OpenSshAndProcessAsync();

        var status = await world.ClickAsync(SlackActionIds.Exempt, new SlackActionValue(eventId, AdminPortsPolicy, groupId), "U0DEVELOPER", new(SlackApprovalWorld.Channel, "1700000000.000001"));

        Assert.Equal(200, status);
        Assert.Empty(world.Requests("/api/views.open"));
        Assert.Contains("Only approvers of", Assert.Single(world.Notices()), StringComparison.Ordinal);
        var refusal = Assert.Single(await world.Runtime.StateStore.ReadInteractionsAsync(eventId, CancellationToken.None));
        Assert.Equal(InteractionResult.Refused, refusal.Result);
        Assert.StartsWith("U0DEVELOPER may not exempt: neither an approver of", refusal.Reason, StringComparison.Ordinal);
        Assert.Empty(await world.Runtime.Holds.ReadAsync(RemediationWorld.MemberAccount, RemediationWorld.Region, groupId, CancellationToken.None));
    }

    [Fact]
    public async Task An_exemption_updates_the_alert_with_who_until_when_and_why_and_drops_its_exempt_button()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto, Shipped.Value);
        var (groupId, eventId, _, _) = await world.OpenSshAndProcessAsync();
        var alert = Assert.Single(world.Requests("/api/chat.postMessage"));
        var message = new SlackMessageLocation((string)alert["channel"]!, "1700000000.000042");
        await world.ClickAsync(SlackActionIds.Exempt, new SlackActionValue(eventId, AdminPortsPolicy, groupId), SlackApprovalWorld.UndoUser, message);

        var (status, body) = await world.SubmitModalAsync(SlackApprovalWorld.UndoUser, "bastion <until> the VPN is live", "7d");

        Assert.Equal((200, ""), (status, body));
        var hold = Assert.Single(await world.Runtime.Holds.ReadAsync(RemediationWorld.MemberAccount, RemediationWorld.Region, groupId, CancellationToken.None));
        var update = Assert.Single(world.Requests("/api/chat.update"));
        Assert.Equal((message.Channel, message.Ts), ((string)update["channel"]!, (string)update["ts"]!));
        var blocks = SlackApprovalWorld.Text(update["blocks"]!);
        Assert.Contains($"Exempted by <@{SlackApprovalWorld.UndoUser}> until {SlackMarkdown.Date(hold.Until)}: bastion &lt;until&gt; the VPN is live", blocks, StringComparison.Ordinal);
        Assert.DoesNotContain(SlackActionIds.Exempt, blocks, StringComparison.Ordinal);
        Assert.Contains($"\"action_id\":\"{SlackActionIds.Undo}\"", blocks, StringComparison.Ordinal);
        Assert.Equal(AuditOutcome.Remediated, Assert.Single((await world.Runtime.StateStore.ReadAuditAsync(eventId, CancellationToken.None))!.Decisions).Outcome);
    }

    [Fact]
    public async Task An_exemption_whose_alert_location_is_unknown_is_still_recorded()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto, Shipped.Value);
        var (groupId, eventId, _, _) = await world.OpenSshAndProcessAsync();
        var value = new SlackActionValue(eventId, AdminPortsPolicy, groupId);

        var (status, body) = await world.SubmitViewAsync(new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = SlackApprovalWorld.UndoUser },
            ["view"] = new JsonObject
            {
                ["id"] = "V0MODAL",
                ["type"] = "modal",
                ["callback_id"] = HoldModals.ExemptCallback,
                ["private_metadata"] = new JsonObject { ["target"] = value.ToString() }.ToJsonString(),
                ["state"] = new JsonObject
                {
                    ["values"] = new JsonObject
                    {
                        ["reason"] = new JsonObject { ["reason"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "lab account" } },
                        ["duration"] = new JsonObject { ["duration"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = "1d" } } },
                    },
                },
            },
        });

        Assert.Equal((200, ""), (status, body));
        Assert.Single(await world.Runtime.Holds.ReadAsync(RemediationWorld.MemberAccount, RemediationWorld.Region, groupId, CancellationToken.None));
        Assert.Empty(world.Requests("/api/chat.update"));
        var interaction = Assert.Single(await world.Runtime.StateStore.ReadInteractionsAsync(eventId, CancellationToken.None));
        Assert.Equal(InteractionResult.Exempted, interaction.Result);
        Assert.Contains(interaction.Errors, e => e.StartsWith("message not updated", StringComparison.Ordinal));
    }
}
