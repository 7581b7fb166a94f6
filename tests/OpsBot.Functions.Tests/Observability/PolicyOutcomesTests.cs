using OpsBot.Functions.Audit;
using OpsBot.Functions.Observability;
using OpsBot.Functions.Outbox;
using OpsBot.Functions.Pipeline;
using OpsBot.Functions.Tests.Integration;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Tests.Observability;

/// <summary>How audit records, as the pipeline writes them, become per-policy counts, over the shipped policies.</summary>
public sealed class PolicyOutcomesTests
{
    private static readonly Lazy<PolicySet> Shipped = new(() => PolicySet.Load(RepositoryPaths.Policies));
    private static readonly DateTimeOffset EventTime = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_enforce_plan_held_back_for_a_human_counts_as_held()
    {
        var record = Record("AuthorizeSecurityGroupIngress", AuditOutcome.Notified, Decision("ec2-sg-admin-ports-public", "enforce", AuditOutcome.Notified));

        var outcome = Assert.Single(PolicyOutcomes.Of(Shipped.Value, record, EventTime.AddSeconds(3)), o => o.Policy == "ec2-sg-admin-ports-public");

        Assert.Equal((1, 1, 0, 1, 0, (double?)null), (outcome.Events, outcome.Matched, outcome.Remediated, outcome.Held, outcome.Failed, outcome.LatencyMilliseconds));
    }

    [Fact]
    public void A_match_of_a_notify_mode_policy_is_matched_but_not_held()
    {
        var record = Record("AuthorizeSecurityGroupIngress", AuditOutcome.Notified, Decision("ec2-sg-public-port-sprawl", "notify", AuditOutcome.Notified));

        var outcome = Assert.Single(PolicyOutcomes.Of(Shipped.Value, record, EventTime), o => o.Policy == "ec2-sg-public-port-sprawl");

        Assert.Equal((1, 0), (outcome.Matched, outcome.Held));
    }

    [Fact]
    public void A_match_of_an_enforce_policy_only_notified_by_a_brake_or_forced_notify_counts_as_held()
    {
        var record = Record("AuthorizeSecurityGroupIngress", AuditOutcome.Notified, Decision("ec2-sg-admin-ports-public", "notify", AuditOutcome.Notified));

        var outcome = Assert.Single(PolicyOutcomes.Of(Shipped.Value, record, EventTime), o => o.Policy == "ec2-sg-admin-ports-public");

        Assert.Equal((1, 1), (outcome.Matched, outcome.Held));
    }

    [Fact]
    public void The_latency_runs_from_the_cloudtrail_event_time_to_now()
    {
        var record = Record("AuthorizeSecurityGroupIngress", AuditOutcome.Remediated, Decision("ec2-sg-admin-ports-public", "enforce", AuditOutcome.Remediated));

        var outcome = Assert.Single(PolicyOutcomes.Of(Shipped.Value, record, EventTime.AddMilliseconds(1500)), o => o.Policy == "ec2-sg-admin-ports-public");

        Assert.Equal(1500, outcome.LatencyMilliseconds);
        Assert.Equal("aws.ec2.security-group", outcome.ResourceType);
    }

    [Fact]
    public void A_sweep_finding_counts_for_the_swept_policies_of_its_type_and_has_no_event_latency()
    {
        var record = Record(SweepFinding.EventName, AuditOutcome.Remediated, Decision("ec2-sg-admin-ports-public", "enforce", AuditOutcome.Remediated));

        var outcomes = PolicyOutcomes.Of(Shipped.Value, record, EventTime.AddMinutes(1));

        Assert.Equal(Shipped.Value.All.Where(p => p.Sweep && p.Resource == "aws.ec2.security-group").Select(p => p.Id).Order(), outcomes.Select(o => o.Policy).Order());
        Assert.All(outcomes, o => Assert.Null(o.LatencyMilliseconds));
    }

    [Fact]
    public void A_record_that_could_not_be_read_counts_for_no_policy()
    {
        var record = new AuditRecord { EventId = "message:m-1", RecordedAt = EventTime, Outcome = AuditOutcome.Rejected, Reason = "not JSON" };

        Assert.Empty(PolicyOutcomes.Of(Shipped.Value, record, EventTime));
    }

    [Fact]
    public void A_given_up_announcement_of_a_resource_with_slashes_in_its_id_counts_for_its_policy()
    {
        var metrics = new RecordingOutcomeMetrics();
        var inner = new RecordingDeliveryMetrics();
        var observer = new OutcomeObserver(Shipped.Value, metrics, StructuredLog.Null, TimeProvider.System);

        observer.Watch(inner).AnnouncementGivenUp("evt-1", "decided/sns/cloudtrail-logging-stopped/arn:aws:cloudtrail:us-east-1:111111111111:trail/org/main", "boom");
        observer.Watch(inner).AnnouncementGivenUp("evt-1", "decided/result", "boom");

        Assert.Equal([("cloudtrail-logging-stopped", "aws.cloudtrail.trail"), (null, null)], metrics.AnnouncementsFailed);
        Assert.Equal(2, inner.GivenUp.Count);
    }

    private static AuditRecord Record(string eventName, AuditOutcome outcome, params AuditDecision[] decisions) => new()
    {
        EventId = "evt-1",
        RecordedAt = EventTime,
        EventTime = EventTime,
        Account = "111111111111",
        Region = "us-east-1",
        EventName = eventName,
        Outcome = outcome,
        Decisions = decisions,
    };

    private static AuditDecision Decision(string policy, string mode, AuditOutcome outcome) =>
        new(policy, "hash", "high", "sg-1", mode, outcome, "reason", [], [], null, []);
}
