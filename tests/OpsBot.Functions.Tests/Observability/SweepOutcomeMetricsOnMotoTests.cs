using OpsBot.Cli.Local;
using OpsBot.Functions.Observability;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Integration;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Tests.Observability;

/// <summary>A sweep for missed violations on moto: its findings count like events, once, without an event latency.</summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SweepOutcomeMetricsOnMotoTests(MotoServer moto)
{
    private const string AdminPorts = "ec2-sg-admin-ports-public";
    private static readonly Lazy<PolicySet> Shipped = new(() => PolicySet.Load(RepositoryPaths.Policies));

    [Fact]
    public async Task A_finding_left_for_a_human_by_forced_notify_counts_as_matched_and_held_once_however_many_sweeps_see_it()
    {
        var telemetry = new EmittedTelemetry(Shipped.Value);
        await using var world = await RemediationWorld.CreateAsync(moto, forceNotify: true, observer: telemetry.Observer);
        var (violating, _) = await world.CreateGroupAsync("legacy", (3389, "0.0.0.0/0"));

        for (var sweep = 1; sweep <= 2; sweep++)
        {
            await world.Runtime.MissedViolations.SweepAsync([RemediationWorld.MemberAccount], [RemediationWorld.Region], CancellationToken.None);
        }

        // The member account is shared with other tests: this group's finding is found by its log line.
        var line = Assert.Single(telemetry.LogLines(), l => l.TryGetProperty("resource", out var r) && r.GetString() == violating);
        var eventId = line.GetProperty("eventId").GetString()!;
        Assert.StartsWith("sweep-", eventId, StringComparison.Ordinal);
        Assert.Equal((AdminPorts, "notified"), (line.GetProperty("policy").GetString(), line.GetProperty("outcome").GetString()));
        Assert.Equal((1, 1, 1, 0), (telemetry.Sum(eventId, AdminPorts, OutcomeMetricNames.Events), telemetry.Sum(eventId, AdminPorts, OutcomeMetricNames.Matched), telemetry.Sum(eventId, AdminPorts, OutcomeMetricNames.Held), telemetry.Sum(eventId, AdminPorts, OutcomeMetricNames.Remediated)));
        Assert.DoesNotContain(telemetry.MetricLines(), l => l.GetProperty("eventId").GetString() == eventId && l.TryGetProperty(OutcomeMetricNames.RemediationLatency, out _));
    }
}
