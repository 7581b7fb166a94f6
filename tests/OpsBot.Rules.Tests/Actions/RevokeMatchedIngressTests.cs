using OpsBot.Rules.Actions;
using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Tests.Facts;

namespace OpsBot.Rules.Tests.Actions;

public class RevokeMatchedIngressTests
{
    private static Policy Policy(int maxRules) => PolicySet.Load(RepositoryPaths.Policies).Find("ec2-sg-admin-ports-public")! with
    {
        Remediation = new Remediation("revoke-matched-ingress", RemediationMode.Enforce, [], TimeSpan.FromHours(1), new RevokeMatchedPermissionsOptions(maxRules, true)),
    };

    [Fact]
    public void Plans_to_revoke_exactly_the_matched_elements()
    {
        var ssh = Permissions.Tcp(22, 22, "0.0.0.0/0") with { RuleId = "sgr-1" };
        var decision = new PolicyDecision(Policy(20), "sg-1", [ssh], []);

        var plan = new RevokeMatchedIngress().Plan(decision);

        Assert.True(plan.IsRunnable);
        Assert.Equal("sgr-1", Assert.Single(plan.Revoke).RuleId);
    }

    [Fact]
    public void Holds_a_plan_larger_than_max_rules_for_a_human()
    {
        var matches = Enumerable.Range(0, 3).Select(i => Permissions.Tcp(22 + i, 22 + i, "0.0.0.0/0")).ToList();
        var decision = new PolicyDecision(Policy(2), "sg-1", matches, []);

        var plan = new RevokeMatchedIngress().Plan(decision);

        Assert.False(plan.IsRunnable);
        Assert.Contains("more than maxRules (2)", plan.BlockedReason, StringComparison.Ordinal);
    }
}
