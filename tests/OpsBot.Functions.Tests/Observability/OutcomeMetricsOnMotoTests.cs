using OpsBot.Cli.Local;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Observability;
using OpsBot.Functions.Pipeline;
using OpsBot.Functions.Tests.Integration;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Tests.Observability;

/// <summary>
/// The real pipeline on moto, with the observer the Lambda uses writing to a captured log: the embedded
/// metric lines it emits are parsed and summed per policy.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class OutcomeMetricsOnMotoTests(MotoServer moto)
{
    private const string AdminPorts = "ec2-sg-admin-ports-public";
    private static readonly Lazy<PolicySet> Shipped = new(() => PolicySet.Load(RepositoryPaths.Policies));

    [Fact]
    public async Task One_ssh_open_event_counts_one_event_one_match_and_one_remediation_for_the_policy()
    {
        var telemetry = new EmittedTelemetry(Shipped.Value);
        await using var world = await RemediationWorld.CreateAsync(moto, observer: telemetry.Observer);
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));

        await world.Runtime.Pipeline.ProcessAsync(RemediationPipelineTests.SshAndHttpsEvent(groupId, ruleIds, "evt-" + Guid.NewGuid()), "m-1", CancellationToken.None);

        Assert.Equal((1, 1, 1, 0, 0), Counts(telemetry, AdminPorts));
        var latency = Assert.Single(telemetry.Values(AdminPorts, OutcomeMetricNames.RemediationLatency));
        Assert.InRange(latency, 0, TimeSpan.FromMinutes(5).TotalMilliseconds);
    }

    [Fact]
    public async Task Every_policy_the_event_triggers_counts_the_event_and_only_the_matching_one_a_match()
    {
        var telemetry = new EmittedTelemetry(Shipped.Value);
        await using var world = await RemediationWorld.CreateAsync(moto, observer: telemetry.Observer);
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));

        await world.Runtime.Pipeline.ProcessAsync(RemediationPipelineTests.SshAndHttpsEvent(groupId, ruleIds, "evt-" + Guid.NewGuid()), "m-1", CancellationToken.None);

        var triggered = Shipped.Value.For("aws.ec2.security-group", "AuthorizeSecurityGroupIngress").Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(triggered, telemetry.Policies());
        Assert.All(triggered, id => Assert.Equal(1, telemetry.Sum(id, OutcomeMetricNames.Events)));
        Assert.Equal(1, triggered.Sum(id => telemetry.Sum(id, OutcomeMetricNames.Matched)));
    }

    [Fact]
    public async Task A_compliant_group_counts_the_event_and_no_match()
    {
        var telemetry = new EmittedTelemetry(Shipped.Value);
        await using var world = await RemediationWorld.CreateAsync(moto, observer: telemetry.Observer);
        var (groupId, ruleIds) = await world.CreateGroupAsync("private", (22, "10.0.0.0/8"), (443, "10.0.0.0/8"));
        var forged = new Dictionary<string, string> { ["22 0.0.0.0/0"] = ruleIds["22 10.0.0.0/8"], ["443 0.0.0.0/0"] = ruleIds["443 10.0.0.0/8"] };

        await world.Runtime.Pipeline.ProcessAsync(RemediationPipelineTests.SshAndHttpsEvent(groupId, forged, "evt-" + Guid.NewGuid()), "m-1", CancellationToken.None);

        Assert.Equal((1, 0, 0, 0, 0), Counts(telemetry, AdminPorts));
        Assert.Empty(telemetry.Values(AdminPorts, OutcomeMetricNames.RemediationLatency));
    }

    [Fact]
    public async Task A_duplicate_delivery_counts_nothing_again()
    {
        var telemetry = new EmittedTelemetry(Shipped.Value);
        await using var world = await RemediationWorld.CreateAsync(moto, observer: telemetry.Observer);
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
        var body = RemediationPipelineTests.SshAndHttpsEvent(groupId, ruleIds, "evt-" + Guid.NewGuid());

        for (var delivery = 1; delivery <= 3; delivery++)
        {
            await world.Runtime.Pipeline.ProcessAsync(body, $"m-{delivery}", CancellationToken.None);
        }

        Assert.Equal((1, 1, 1, 0, 0), Counts(telemetry, AdminPorts));
    }

    [Fact]
    public async Task A_policy_whose_condition_fails_on_live_state_counts_a_failure_and_no_match()
    {
        // FromPort - 22 is zero for the SSH rule: the condition throws on the live group, an evaluation error.
        var errors = new List<PolicyError>();
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Policies, AdminPorts + ".yaml"))
            .Replace("when: rule.IsOpenToInternet", "when: 100 / (rule.FromPort - 22) > 0 && rule.IsOpenToInternet", StringComparison.Ordinal);
        var policy = new PolicyLoader().LoadText(text, "throwing.yaml", errors);
        Assert.Empty(errors);
        var policies = new PolicySet([policy!], Shipped.Value.Resources, Shipped.Value.Actions);
        var telemetry = new EmittedTelemetry(policies);
        await using var world = await RemediationWorld.CreateAsync(moto, policies: policies, observer: telemetry.Observer);
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));

        var result = await world.Runtime.Pipeline.ProcessAsync(RemediationPipelineTests.SshAndHttpsEvent(groupId, ruleIds, "evt-" + Guid.NewGuid()), "m-1", CancellationToken.None);

        Assert.Equal(Audit.AuditOutcome.Failed, result.Audit!.Outcome);
        Assert.Equal((1, 0, 0, 0, 1), Counts(telemetry, AdminPorts));
    }

    [Fact]
    public async Task An_approve_mode_match_counts_as_held_not_remediated()
    {
        var policies = PolicySet.Load(RepositoryPaths.Fixture("Policies"));
        var telemetry = new EmittedTelemetry(policies);
        await using var world = await RemediationWorld.CreateAsync(moto, policies: policies, observer: telemetry.Observer);
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));

        await world.Runtime.Pipeline.ProcessAsync(RemediationPipelineTests.SshAndHttpsEvent(groupId, ruleIds, "evt-" + Guid.NewGuid()), "m-1", CancellationToken.None);

        Assert.Equal((1, 1, 0, 1, 0), Counts(telemetry, "test-ssh-public-needs-approval"));
        Assert.Empty(telemetry.Values("test-ssh-public-needs-approval", OutcomeMetricNames.RemediationLatency));
    }

    [Fact]
    public async Task An_alert_given_up_after_every_attempt_counts_one_failed_announcement_for_the_policy_and_the_event_once()
    {
        var telemetry = new EmittedTelemetry(Shipped.Value);
        await using var world = await RemediationWorld.CreateAsync(moto, adjust: s => s with { AlertTopicArn = "arn:aws:sns:us-east-1:123456789012:no-such-topic" }, observer: telemetry.Observer);
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
        var body = RemediationPipelineTests.SshAndHttpsEvent(groupId, ruleIds, "evt-" + Guid.NewGuid());

        for (var attempt = 1; attempt <= Outbox.AuditAnnouncer.MaxAttempts; attempt++)
        {
            try
            {
                await world.Runtime.Pipeline.ProcessAsync(body, $"m-{attempt}", CancellationToken.None);
            }
            catch (AnnouncementsOwedException)
            {
                // Owed until the fifth attempt gives the alert up.
            }
        }

        Assert.Equal(1, telemetry.Sum(AdminPorts, OutcomeMetricNames.AnnouncementsFailed));
        Assert.Equal((1, 1, 1, 0, 0), Counts(telemetry, AdminPorts));
    }

    private static (double Events, double Matched, double Remediated, double Held, double Failed) Counts(EmittedTelemetry telemetry, string policy) => (
        telemetry.Sum(policy, OutcomeMetricNames.Events),
        telemetry.Sum(policy, OutcomeMetricNames.Matched),
        telemetry.Sum(policy, OutcomeMetricNames.Remediated),
        telemetry.Sum(policy, OutcomeMetricNames.Held),
        telemetry.Sum(policy, OutcomeMetricNames.Failed));
}
