using Amazon.EC2;
using Amazon.EC2.Model;
using OpsBot.Cli.Local;
using OpsBot.Functions.Approvals;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.State;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Integration;

namespace OpsBot.Functions.Tests.Resources;

/// <summary>
/// The shipped instance policy end to end on moto: a real-shaped CloudTrail event, the member
/// account reached through the assumed remediation role, the approval request, the change made
/// when an approver presses Approve, the audit record, and Undo through the approval workflow.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class Ec2InstanceRemediationTests(MotoServer moto)
{
    private const string Policy = "ec2-instance-imdsv1-allowed";
    private const string Approver = "U0123ABCD";

    [Fact]
    public async Task An_instance_allowing_IMDSv1_waits_for_approval_approving_requires_tokens_and_undo_restores_the_earlier_settings()
    {
        await using var world = await Ec2InstanceWorld.CreateAsync(moto);
        var instance = Assert.Single(await world.LaunchAsync(1, new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Optional, HttpEndpoint = InstanceMetadataEndpointState.Enabled, HttpPutResponseHopLimit = 2 }));

        var audit = await world.ProcessAsync("ec2-run-instances-imds-optional", instance);

        Assert.Equal(AuditOutcome.PendingApproval, audit.Outcome);
        var decision = Assert.Single(audit.Decisions);
        Assert.Equal(Policy, decision.PolicyId);
        Assert.Contains("require IMDSv2 session tokens", decision.Reason, StringComparison.Ordinal);
        Assert.Equal("optional", (await world.OptionsAsync(instance)).HttpTokens.Value);
        var pending = await world.Runtime.StateStore.ReadPendingActionAsync(audit.EventId, Policy, instance, CancellationToken.None);
        Assert.Equal(("require-imdsv2", PendingStatus.Pending), (pending!.Action.Action, pending.Status));
        Assert.NotEmpty(world.Slack.Requests("/api/chat.postMessage"));

        var approved = await world.Runtime.Approvals.HandleAsync(ClickKind.Approve, new SlackActionValue(audit.EventId, Policy, instance), Approver, CancellationToken.None);

        Assert.True(approved.Result == InteractionResult.Approved, approved.ToString());
        var required = await world.OptionsAsync(instance);
        Assert.Equal(("required", "enabled", 2), (required.HttpTokens.Value, required.HttpEndpoint.Value, required.HttpPutResponseHopLimit));
        var settled = Assert.Single((await world.Runtime.StateStore.ReadAuditAsync(audit.EventId, CancellationToken.None))!.Decisions);
        Assert.Equal((AuditOutcome.Remediated, "approve", (bool?)true), (settled.Outcome, settled.Mode, settled.CompliantAfter));
        Assert.Contains("\"HttpTokens\":\"optional\"", Assert.Single(settled.Changes!).Before, StringComparison.Ordinal);

        var undo = await world.Runtime.Approvals.HandleAsync(ClickKind.Undo, new SlackActionValue(audit.EventId, Policy, instance), SlackApprovalWorld.UndoUser, CancellationToken.None);

        Assert.True(undo.Result == InteractionResult.Undone, undo.ToString());
        var restored = await world.OptionsAsync(instance);
        Assert.Equal(("optional", "enabled", 2), (restored.HttpTokens.Value, restored.HttpEndpoint.Value, restored.HttpPutResponseHopLimit));
    }

    [Fact]
    public async Task An_instance_launched_requiring_tokens_is_left_alone()
    {
        await using var world = await Ec2InstanceWorld.CreateAsync(moto);
        var instance = Assert.Single(await world.LaunchAsync(1, new InstanceMetadataOptionsRequest { HttpTokens = HttpTokensState.Required, HttpEndpoint = InstanceMetadataEndpointState.Enabled }));

        var audit = await world.ProcessAsync("ec2-run-instances-imds-required", instance);

        Assert.Empty(audit.Decisions);
        Assert.Null(await world.Runtime.StateStore.ReadPendingActionAsync(audit.EventId, Policy, instance, CancellationToken.None));
        Assert.Equal("required", (await world.OptionsAsync(instance)).HttpTokens.Value);
    }

    [Fact]
    public async Task Every_instance_of_one_launch_gets_its_own_approval_request()
    {
        await using var world = await Ec2InstanceWorld.CreateAsync(moto);
        var instances = await world.LaunchAsync(2);

        var audit = await world.ProcessAsync("ec2-run-instances-three-instances", [.. instances]);

        Assert.Equal(instances, audit.Decisions.Select(d => d.ResourceId));
        Assert.All(audit.Decisions, d => Assert.Equal(AuditOutcome.PendingApproval, d.Outcome));
        foreach (var instance in instances)
        {
            Assert.NotNull(await world.Runtime.StateStore.ReadPendingActionAsync(audit.EventId, Policy, instance, CancellationToken.None));
        }
    }
}
