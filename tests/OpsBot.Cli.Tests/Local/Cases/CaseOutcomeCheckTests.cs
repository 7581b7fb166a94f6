using OpsBot.Cli.Local.Cases;
using OpsBot.Functions.Audit;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Testing;

namespace OpsBot.Cli.Tests.Local.Cases;

public sealed class CaseOutcomeCheckTests
{
    private static PolicyTestCase Case(string name)
    {
        var errors = new List<PolicyError>();
        var cases = PolicyTestCaseLoader.Load(RepositoryPaths.Fixture("exposure.yaml"), errors);
        Assert.Empty(errors);
        return cases.Single(c => c.Name == name);
    }

    private static AuditRecord Record(AuditOutcome outcome, string reason, params AuditDecision[] decisions) =>
        new() { EventId = "e-1", RecordedAt = DateTimeOffset.UnixEpoch, Outcome = outcome, Reason = reason, Decisions = decisions };

    private static AuditDecision Decision(string policy, string mode, AuditOutcome outcome, int matched) =>
        new(policy, "0123456789abcdef", "high", "sg-1", mode, outcome, "revoked", [.. Enumerable.Range(0, matched).Select(i => new AuditPermission("ingress", "tcp", 22, 22, "Ipv4Cidr", $"0.0.0.0/{i + 1}", null, ""))], [], true, []);

    [Fact]
    public void The_expected_decision_in_its_mode_with_its_matches_agrees()
    {
        var testCase = Case("SSH and HTTPS open to the world - only SSH matches, HTTPS is left alone");

        var failures = CaseOutcomeCheck.Compare(testCase, Record(AuditOutcome.Remediated, "", Decision("ec2-sg-admin-ports-public", "enforce", AuditOutcome.Remediated, 1)));

        Assert.Empty(failures);
    }

    [Fact]
    public void Another_mode_an_extra_policy_and_a_failed_action_each_disagree()
    {
        var testCase = Case("SSH and HTTPS open to the world - only SSH matches, HTTPS is left alone");

        var failures = CaseOutcomeCheck.Compare(testCase, Record(AuditOutcome.Failed, "",
            Decision("ec2-sg-admin-ports-public", "notify", AuditOutcome.Failed, 1),
            Decision("ec2-sg-database-ports-public", "enforce", AuditOutcome.Remediated, 1)));

        Assert.Contains(failures, f => f.Contains("expected mode enforce, the audit record says notify", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ec2-sg-admin-ports-public matched, but acting on it failed", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("policy ec2-sg-database-ports-public matched unexpectedly", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_decision_and_a_wrong_number_of_matches_disagree()
    {
        var testCase = Case("split ranges 0.0.0.0/1 and 128.0.0.0/1 cover the internet");

        Assert.Contains(CaseOutcomeCheck.Compare(testCase, Record(AuditOutcome.Skipped, "compliant: nothing matched")),
            f => f.Contains("expected policy ec2-sg-admin-ports-public to match, the audit record says skipped: compliant", StringComparison.Ordinal));
        Assert.Contains(CaseOutcomeCheck.Compare(testCase, Record(AuditOutcome.Remediated, "", Decision("ec2-sg-admin-ports-public", "enforce", AuditOutcome.Remediated, 1))),
            f => f.Contains("expected 2 matched element(s), the audit record lists 1", StringComparison.Ordinal));
    }
}
