using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Tests.Integration;

/// <summary>
/// Security groups through the generic adapter path keep their rule-wise behaviour: a rule several
/// policies match is revoked once and credited to each, <c>verify: false</c> skips the re-read, and
/// a match larger than <c>maxRules</c> is held for a human.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SharedRuleRemediationTests(MotoServer moto)
{
    [Fact]
    public async Task A_rule_two_policies_match_is_revoked_once_and_credited_to_each()
    {
        await using var world = await RemediationWorld.CreateAsync(moto, policies: PolicySet.Load(RepositoryPaths.Fixture("SharedRulePolicies")));
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));

        var result = await world.Runtime.Pipeline.ProcessAsync(RemediationPipelineTests.SshAndHttpsEvent(groupId, ruleIds, "evt-" + Guid.NewGuid()), "m-1", CancellationToken.None);

        Assert.Empty(await world.IngressRulesAsync(groupId));
        var decisions = result.Audit!.Decisions.ToDictionary(d => d.PolicyId);
        var ssh = decisions["test-ssh-world-open"];
        var any = decisions["test-any-world-open-unverified"];
        Assert.Equal([ruleIds["22 0.0.0.0/0"]], ssh.Revoked.Select(r => r.RuleId));
        Assert.Equal(new[] { ruleIds["22 0.0.0.0/0"], ruleIds["443 0.0.0.0/0"] }.Order(StringComparer.Ordinal), any.Revoked.Select(r => r.RuleId!).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(ssh.Revoked.Concat(any.Revoked), r => r.Unconfirmed);
        Assert.Equal((AuditOutcome.Remediated, (bool?)true, "revoked 1 rule(s); compliant now"), (ssh.Outcome, ssh.CompliantAfter, ssh.Reason));
        Assert.Equal((AuditOutcome.Remediated, (bool?)null, "revoked 2 rule(s)"), (any.Outcome, any.CompliantAfter, any.Reason));
        Assert.All(decisions.Values, d => Assert.Null(d.Changes));
    }

    [Fact]
    public async Task A_match_larger_than_max_rules_is_held_for_a_human_and_nothing_is_revoked()
    {
        await using var world = await RemediationWorld.CreateAsync(moto, policies: PolicySet.Load(RepositoryPaths.Fixture("HeldPolicies")));
        var (groupId, ruleIds) = await world.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));

        var result = await world.Runtime.Pipeline.ProcessAsync(RemediationPipelineTests.SshAndHttpsEvent(groupId, ruleIds, "evt-" + Guid.NewGuid()), "m-1", CancellationToken.None);

        Assert.Equal(2, (await world.IngressRulesAsync(groupId)).Count);
        var decision = Assert.Single(result.Audit!.Decisions);
        Assert.Equal((AuditOutcome.Notified, "enforce"), (decision.Outcome, decision.Mode));
        Assert.Equal("not enforced, held for a human: 2 rules matched, more than maxRules (1) allows to revoke automatically", decision.Reason);
        Assert.Equal(2, decision.Matched.Count);
        Assert.Empty(decision.Revoked);
    }
}
