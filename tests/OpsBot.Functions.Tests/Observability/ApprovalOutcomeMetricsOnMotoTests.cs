using System.Text.Json;
using OpsBot.Cli.Local;
using OpsBot.Functions.Observability;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.State;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Integration;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Tests.Observability;

/// <summary>A match held for approval in Slack, then approved: the fix counts when the approver's click makes it, and the click is logged.</summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ApprovalOutcomeMetricsOnMotoTests(MotoServer moto)
{
    private const string Policy = "test-ssh-public-approval-in-slack";
    private const string Approver = "U0APPROVER1";

    [Fact]
    public async Task An_approved_fix_counts_as_remediated_once_with_its_latency_after_counting_as_held()
    {
        var telemetry = new EmittedTelemetry(PolicySet.Load(RepositoryPaths.Fixture("ApprovalPolicies")));
        await using var world = await SlackApprovalWorld.CreateAsync(moto, observer: telemetry.Observer);
        var (_, eventId, _, audit) = await world.OpenSshAndProcessAsync();
        var pending = await world.PendingAsync(audit);
        Assert.Equal((1, 1, 0), (telemetry.Sum(Policy, OutcomeMetricNames.Events), telemetry.Sum(Policy, OutcomeMetricNames.Held), telemetry.Sum(Policy, OutcomeMetricNames.Remediated)));

        await world.ClickAsync(SlackActionIds.Approve, new(pending.Action.EventId, pending.Action.PolicyId, pending.Action.ResourceId), Approver, pending.Message!);

        Assert.Equal((1, 1, 1, 0), (telemetry.Sum(Policy, OutcomeMetricNames.Events), telemetry.Sum(Policy, OutcomeMetricNames.Held), telemetry.Sum(Policy, OutcomeMetricNames.Remediated), telemetry.Sum(Policy, OutcomeMetricNames.Failed)));
        Assert.True(Assert.Single(telemetry.Values(Policy, OutcomeMetricNames.RemediationLatency)) >= 0);
        var click = Assert.Single(telemetry.LogLines(), l => l.GetProperty("message").GetString()!.StartsWith("slack ", StringComparison.Ordinal));
        Assert.Equal((eventId, Policy, "approved"), (Text(click, "eventId"), Text(click, "policy"), Text(click, "outcome")));
        Assert.Equal(PendingStatus.Approved, (await world.PendingAsync(audit)).Status);
    }

    private static string Text(JsonElement line, string name) => line.GetProperty(name).GetString()!;
}
