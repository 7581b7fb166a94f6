using OpsBot.Rules.Policies;

namespace OpsBot.Rules.Tests.Policies;

public class PolicyLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("opsbot-policies-").FullName;

    private static string Shipped => File.ReadAllText(Path.Combine(RepositoryPaths.Policies, "ec2-sg-admin-ports-public.yaml"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_shipped_policies_load()
    {
        var result = new PolicyLoader().Load([RepositoryPaths.Policies]);

        Assert.Empty(result.Errors);
        Assert.Contains(result.Policies, p => p.Id == "ec2-sg-admin-ports-public");
        Assert.All(result.Policies, p => Assert.Equal(64, p.SourceHash.Length));
    }

    [Theory]
    [InlineData("^title:", "titel:", 4, 1, "unknown key 'titel' in policy; did you mean 'title'?")]
    [InlineData("^severity: high\n", "", 3, 1, "missing required key 'severity'")]
    [InlineData("^triggers: .*", "triggers: 42x: [", 11, 14, "invalid YAML")]
    [InlineData("^triggers: .*", "triggers: {a: b}", 11, 11, "'triggers' must be a list of strings, found a mapping")]
    [InlineData("^severity: high", "severity: [high]", 9, 11, "'severity' must be a non-empty string")]
    [InlineData("^severity: high", "severity: urgent", 9, 11, "'severity: urgent' is not one of: info | low | medium | high | critical")]
    [InlineData("^resource: .*", "resource: aws.example.widget", 10, 11, "unknown resource type 'aws.example.widget'")]
    [InlineData("^triggers: .*", "triggers: [AuthorizeSecurityGroupIngres]", 11, 12, "did you mean 'AuthorizeSecurityGroupIngress'?")]
    [InlineData("  action: .*", "  action: delete-group", 16, 11, "unknown action 'delete-group'")]
    [InlineData("^when: .*", "when: rule.IsOpenToInternet && rule.Overlaps(22)", 13, 37, "No applicable method 'Overlaps'")]
    [InlineData("^when: .*", "when: rule.FromPort + 1", 13, 7, "'when' expression is invalid")]
    [InlineData("^when: .*", "when: rule.GetType().Name == \"PermissionFact\"", 13, 7, "reaches reflection")]
    [InlineData("^when: .*", "when: sg.Ingress.Any(r => r.FromPort == 22)", 13, 7, "uses 'Any' of Enumerable")]
    [InlineData("^when: .*", "when: rule.isOpenToInternet", 13, 12, "'when' expression is invalid")]
    [InlineData("^unless: .*", "unless: rule.FromPort == 22", 14, 9, "only 'sg' is available")]
    [InlineData("^select: .*", "select: egress", 16, 11, "action 'revoke-matched-ingress' acts on ingress")]
    [InlineData("  mode: enforce", "  mode: approve", 17, 9, "'mode: approve' needs 'approvers'")]
    [InlineData("  mode: enforce", "  mode: enforce\n  options:\n    maxRule: 3", 19, 5, "has no option 'maxRule'; did you mean 'maxRules'?")]
    [InlineData("  mode: enforce", "  mode: enforce\n  options:\n    maxRules: many", 19, 15, "option 'maxRules' of 'revoke-matched-ingress' must be a whole number")]
    [InlineData("  mode: enforce", "  mode: enforce\n  expires: 3 weeks", 18, 12, "'expires: 3 weeks' must be a duration")]
    [InlineData("^notify: .*", "notify: [email]", 18, 10, "unknown notify channel 'email'")]
    [InlineData("^notify: .*", "notify: [slack]\nsweep: maybe", 19, 8, "'sweep: maybe' must be true or false")]
    public void A_broken_policy_is_reported_at_its_file_line_and_column(string pattern, string replacement, int line, int column, string message)
    {
        var file = Write("broken.yaml", System.Text.RegularExpressions.Regex.Replace(Shipped, pattern, replacement, System.Text.RegularExpressions.RegexOptions.Multiline));

        var result = new PolicyLoader().Load([file]);

        var error = Assert.Single(result.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(new SourceLocation(file, line, column), error.Location);
        Assert.Empty(result.Policies);
    }

    [Fact]
    public void A_duplicate_id_is_reported_at_the_second_definition()
    {
        Write("a.yaml", Shipped);
        var second = Write("b.yaml", Shipped);

        var result = new PolicyLoader().Load([_folder]);

        var error = Assert.Single(result.Errors);
        Assert.Equal(second, error.Location.File);
        Assert.Contains("duplicate policy id 'ec2-sg-admin-ports-public'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_set_throws_with_every_problem()
    {
        Write("a.yaml", Shipped.Replace("title:", "titel:", StringComparison.Ordinal).Replace("severity: high", "severity: huge", StringComparison.Ordinal));

        var ex = Assert.Throws<PolicyLoadException>(() => new PolicyLoader().LoadSet([_folder]));

        Assert.Equal(3, ex.Errors.Count);
    }

    [Fact]
    public void Test_folders_are_not_read_as_policies()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "tests"));
        Write("tests/cases.yaml", "cases: []");
        Write("p.yaml", Shipped);

        var result = new PolicyLoader().Load([_folder]);

        Assert.Empty(result.Errors);
        Assert.Single(result.Policies);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
