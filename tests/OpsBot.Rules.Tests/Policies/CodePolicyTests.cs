using OpsBot.Rules.Facts;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Policies.Code;
using OpsBot.Rules.Policies.Code.Shipped;

namespace OpsBot.Rules.Tests.Policies;

/// <summary>Policies whose condition is a C# (NRules fluent) rule: <c>rule: ClassName</c> instead of <c>when</c>.</summary>
public sealed class CodePolicyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("opsbot-code-policies-").FullName;

    private static string Shipped => File.ReadAllText(Path.Combine(RepositoryPaths.Policies, "ec2-sg-public-port-sprawl.yaml"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_shipped_csharp_policy_loads_with_its_rule_and_metadata()
    {
        var set = PolicySet.Load(Write("sprawl.yaml", Shipped));

        var policy = Assert.Single(set.All);
        Assert.Equal(("ec2-sg-public-port-sprawl", "PublicPortSprawlRule", "C# rule PublicPortSprawlRule", RemediationMode.Notify), (policy.Id, policy.Rule, policy.When, policy.Remediation.Mode));
        Assert.Contains("PublicPortSprawlRule", PolicyRuleCatalog.Default.Names);
    }

    [Theory]
    [InlineData("^rule: .*", "rule: PublicPortSprawl", 15, 7, "'rule: PublicPortSprawl' names no C# policy rule; did you mean 'PublicPortSprawlRule'?")]
    [InlineData("^rule: .*", "rule: PublicPortSprawlRule\nwhen: rule.IsOpenToInternet", 16, 7, "either 'when' (a YAML expression) or 'rule' (a C# rule), not both")]
    [InlineData("^select: .*", "select: egress", 15, 7, "")]
    [InlineData("^resource: .*", "resource: aws.s3.bucket", 15, 7, "'rule: PublicPortSprawlRule' matches aws.ec2.security-group, not aws.s3.bucket")]
    public void A_broken_csharp_policy_is_reported_at_its_file_line_and_column(string pattern, string replacement, int line, int column, string message)
    {
        var file = Write("broken.yaml", System.Text.RegularExpressions.Regex.Replace(Shipped, pattern, replacement, System.Text.RegularExpressions.RegexOptions.Multiline));

        var result = new PolicyLoader().Load([file]);

        if (message.Length == 0)
        {
            // Egress rules are PermissionFacts too: the rule fits, and only egress elements would count.
            Assert.Empty(result.Errors);
            return;
        }

        var error = Assert.Single(result.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(new SourceLocation(file, line, column), error.Location);
        Assert.Empty(result.Policies);
    }

    [Fact]
    public async Task A_csharp_policy_and_a_yaml_policy_on_the_same_collection_share_one_session()
    {
        var set = PolicySet.Load(Write("sprawl.yaml", Shipped), Write("admin.yaml", File.ReadAllText(Path.Combine(RepositoryPaths.Policies, "ec2-sg-admin-ports-public.yaml"))));
        var group = new SecurityGroupFact
        {
            GroupId = "sg-1",
            Ingress = [Open(22, 22), Open(8000, 8020)],
        };

        var evaluation = await new Rules.Evaluation.PolicyEvaluator(set).EvaluateAsync(group);

        Assert.Equal(["ec2-sg-admin-ports-public", "ec2-sg-public-port-sprawl"], evaluation.Decisions.Select(d => d.Policy.Id).Order(StringComparer.Ordinal));
        Assert.Equal(2, evaluation.Decisions.Single(d => d.Policy.Id == "ec2-sg-public-port-sprawl").Matches.Count);
    }

    [Theory]
    [InlineData(new[] { 80, 80, 80, 80 }, 1)]
    [InlineData(new[] { 8080, 8090, 8085, 8095 }, 16)]
    [InlineData(new[] { 1000, 1999, 1500, 1600, 3000, 3000 }, 1001)]
    public void Exposed_ports_count_overlapping_ranges_once(int[] ranges, int expected)
    {
        var rules = ranges.Chunk(2).Select(r => Open(r[0], r[1]));

        Assert.Equal(expected, PublicPortSprawlRule.ExposedPorts(rules));
    }

    private static PermissionFact Open(int from, int to) => new()
    {
        Direction = TrafficDirection.Ingress,
        Protocol = IpProtocol.Tcp,
        FromPort = from,
        ToPort = to,
        Source = "0.0.0.0/0",
        SourceKind = SourceKind.Ipv4Cidr,
        IsOpenToInternet = true,
    };

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
