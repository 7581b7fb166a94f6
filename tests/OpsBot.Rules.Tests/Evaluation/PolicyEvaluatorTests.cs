using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Tests.Facts;

namespace OpsBot.Rules.Tests.Evaluation;

public class PolicyEvaluatorTests
{
    private static readonly PolicySet Shipped = PolicySet.Load(RepositoryPaths.Policies);

    [Fact]
    public async Task Matches_only_the_world_open_admin_port()
    {
        var group = Permissions.Group(Permissions.Tcp(22, 22, "0.0.0.0/0"), Permissions.Tcp(443, 443, "0.0.0.0/0"), Permissions.Tcp(22, 22, "10.0.0.0/8"));

        var result = await new PolicyEvaluator(Shipped).EvaluateAsync(group);

        var decision = Assert.Single(result.Decisions);
        Assert.Equal("ec2-sg-admin-ports-public", decision.Policy.Id);
        var match = Assert.Single(decision.Matches);
        Assert.Equal(("0.0.0.0/0", 22), (match.Source, match.FromPort));
    }

    [Fact]
    public async Task An_exempt_group_is_skipped_with_the_reason()
    {
        var group = Permissions.Group(Permissions.Tcp(22, 22, "0.0.0.0/0")) with { Tags = new Dictionary<string, string> { ["opsbot:exempt"] = "true" } };

        var result = await new PolicyEvaluator(Shipped).EvaluateAsync(group);

        Assert.Empty(result.Decisions);
        Assert.Contains(result.Skips, s => s.PolicyId == "ec2-sg-admin-ports-public" && s.Reason == SkipReason.Exempt);
    }

    [Fact]
    public async Task A_condition_that_throws_is_an_error_not_a_quiet_no_match()
    {
        var errors = new List<PolicyError>();
        var policy = new PolicyLoader().LoadText(
            File.ReadAllText(Path.Combine(RepositoryPaths.Policies, "ec2-sg-admin-ports-public.yaml"))
                .Replace("when: rule.IsOpenToInternet", "when: rule.Description.Length > 0 || rule.IsOpenToInternet", StringComparison.Ordinal),
            "throwing.yaml",
            errors)!;
        var set = new PolicySet([policy], Shipped.Resources, Shipped.Actions);
        var group = Permissions.Group(Permissions.Tcp(22, 22, "0.0.0.0/0") with { Description = null! });

        var ex = await Assert.ThrowsAsync<PolicyEvaluationException>(async () => await new PolicyEvaluator(set).EvaluateAsync(group));

        Assert.Equal("ec2-sg-admin-ports-public", ex.PolicyId);
    }
}
