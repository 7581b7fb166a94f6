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
    public async Task Decide_gives_the_decisions_of_a_full_evaluation_and_leaves_exempt_groups_out()
    {
        var open = Permissions.Group(Permissions.Tcp(22, 22, "0.0.0.0/0"), Permissions.Tcp(3306, 3306, "0.0.0.0/0"), Permissions.Tcp(443, 443, "0.0.0.0/0"));
        var exempt = open with { Tags = new Dictionary<string, string> { ["opsbot:exempt"] = "true" } };
        var evaluator = new PolicyEvaluator(Shipped);

        var full = await evaluator.EvaluateAsync(open);
        var decided = evaluator.Decide(open);

        Assert.Equal(2, decided.Count);
        Assert.Equal(full.Decisions.Select(d => (d.Policy.Id, d.ResourceId)), decided.Select(d => (d.Policy.Id, d.ResourceId)));
        Assert.Equal(full.Decisions.Select(d => d.Matches), decided.Select(d => d.Matches));
        Assert.Equal(full.Decisions.SelectMany(d => d.Explanation), decided.SelectMany(d => d.Explanation));
        Assert.Empty(evaluator.Decide(exempt));
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

    [Fact]
    public async Task A_throwing_unless_is_an_error_not_a_quiet_no_match()
    {
        var set = new PolicySet([Variant("unless: sg.Tag(\"opsbot:exempt\") == \"true\"", "unless: sg.Description.Length > 0")], Shipped.Resources, Shipped.Actions);
        var group = Permissions.Group(Permissions.Tcp(22, 22, "0.0.0.0/0")) with { Description = null! };

        var ex = await Assert.ThrowsAsync<PolicyEvaluationException>(async () => await new PolicyEvaluator(set).EvaluateAsync(group));

        Assert.Equal("ec2-sg-admin-ports-public", ex.PolicyId);
    }

    [Fact]
    public async Task An_exempt_group_is_not_matched_against_when()
    {
        var set = new PolicySet([Throwing()], Shipped.Resources, Shipped.Actions);
        var group = Permissions.Group(Permissions.Tcp(22, 22, "0.0.0.0/0") with { Description = null! }) with { Tags = new Dictionary<string, string> { ["opsbot:exempt"] = "true" } };

        var result = await new PolicyEvaluator(set).EvaluateAsync(group);

        Assert.Equal(SkipReason.Exempt, Assert.Single(result.Skips).Reason);
    }

    [Fact]
    public async Task A_throwing_condition_of_a_policy_that_was_not_asked_about_is_no_error()
    {
        var set = new PolicySet([Throwing(), .. Shipped.All.Where(p => p.Id != "ec2-sg-admin-ports-public")], Shipped.Resources, Shipped.Actions);
        var group = Permissions.Group(Permissions.AllTraffic("0.0.0.0/0") with { Description = null! });

        var result = await new PolicyEvaluator(set).EvaluateAsync(group, [set.Find("ec2-sg-all-traffic-public")!]);

        Assert.Equal("ec2-sg-all-traffic-public", Assert.Single(result.Decisions).Policy.Id);
    }

    [Fact]
    public async Task Two_identical_elements_are_both_matched_in_the_group_order()
    {
        var open = Permissions.Tcp(22, 22, "0.0.0.0/0");
        var group = Permissions.Group(open, Permissions.Tcp(443, 443, "0.0.0.0/0"), open with { });

        var result = await new PolicyEvaluator(Shipped).EvaluateAsync(group);

        var matches = Assert.Single(result.Decisions).Matches;
        Assert.Equal(2, matches.Count);
        Assert.Same(group.Ingress[0], matches[0]);
        Assert.Same(group.Ingress[2], matches[1]);
    }

    [Fact]
    public async Task Egress_elements_are_not_matched_by_an_ingress_policy()
    {
        var egress = Permissions.Tcp(22, 22, "0.0.0.0/0") with { Direction = TrafficDirection.Egress };
        var group = SecurityGroupFactBuilder.Build(new SecurityGroupFact { GroupId = "sg-0123456789abcdef0" }, [egress]);

        var result = await new PolicyEvaluator(Shipped).EvaluateAsync(group);

        Assert.Empty(result.Decisions);
    }

    [Fact]
    public async Task Policies_sharing_an_unless_are_all_exempt_and_one_with_its_own_unless_is_judged_by_it()
    {
        var own = Variant("unless: sg.Tag(\"opsbot:exempt\") == \"true\"", "unless: sg.Tag(\"team\") == \"red\"") with { Id = "admin-ports-team-red" };
        var set = new PolicySet([.. Shipped.All, own], Shipped.Resources, Shipped.Actions);
        var open = Permissions.Group(Permissions.Tcp(22, 22, "0.0.0.0/0"), Permissions.Tcp(3306, 3306, "0.0.0.0/0"), Permissions.Tcp(8000, 8020, "0.0.0.0/0"));
        var exempt = open with { Tags = new Dictionary<string, string> { ["opsbot:exempt"] = "true" } };

        var result = await new PolicyEvaluator(set).EvaluateAsync(exempt);

        // The shipped policies (YAML and the C# sprawl rule) share one unless; the variant's own holds not.
        Assert.Equal("admin-ports-team-red", Assert.Single(result.Decisions).Policy.Id);
        Assert.Equal(
            ["ec2-sg-admin-ports-public", "ec2-sg-all-traffic-public", "ec2-sg-database-ports-public", "ec2-sg-default-group-egress", "ec2-sg-default-group-ingress", "ec2-sg-public-port-sprawl"],
            result.Skips.Where(s => s.Reason == SkipReason.Exempt).Select(s => s.PolicyId).Order(StringComparer.Ordinal));
        Assert.Equal(4, (await new PolicyEvaluator(set).EvaluateAsync(open)).Decisions.Count);
    }

    [Fact]
    public async Task A_throwing_unless_shared_with_a_policy_not_asked_about_is_the_error_of_the_one_asked()
    {
        var first = Variant("unless: sg.Tag(\"opsbot:exempt\") == \"true\"", "unless: sg.Description.Length > 0");
        var second = first with { Id = "second-copy" };
        var set = new PolicySet([first, second], Shipped.Resources, Shipped.Actions);
        var group = Permissions.Group(Permissions.Tcp(22, 22, "0.0.0.0/0")) with { Description = null! };

        var ex = await Assert.ThrowsAsync<PolicyEvaluationException>(async () => await new PolicyEvaluator(set).EvaluateAsync(group, [second]));

        Assert.Equal("second-copy", ex.PolicyId);
    }

    private static Policy Throwing() => Variant("when: rule.IsOpenToInternet", "when: rule.Description.Length > 0 || rule.IsOpenToInternet");

    private static Policy Variant(string original, string replacement)
    {
        var errors = new List<PolicyError>();
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Policies, "ec2-sg-admin-ports-public.yaml"));
        Assert.Contains(original, text, StringComparison.Ordinal);
        var policy = new PolicyLoader().LoadText(text.Replace(original, replacement, StringComparison.Ordinal), "variant.yaml", errors);
        Assert.Empty(errors);
        return policy!;
    }
}
