using OpsBot.Rules.Policies;

namespace OpsBot.Rules.Tests.Policies;

public class PolicyCheckTests
{
    private const string SmtpEgress = "rule.IsOpenToInternet && rule.Includes(25)";
    private const string ShareAsPercent = "rule.PublicAddressShare >= 50";
    private const string NotInsideTen = "rule.Includes(22) && !rule.IsWithin(\"10.0.0.0/8\")";

    [Theory]
    [InlineData("egress", SmtpEgress, "default-egress", "matches the default egress rule every security group has")]
    [InlineData("ingress", ShareAsPercent, "share-above-one", "for 50% write 0.5")]
    [InlineData("ingress", "PolicyFunctions.PublicShare(rule.Source) > 25", "share-above-one", "compares PublicShare(…) with 25")]
    [InlineData("ingress", NotInsideTen, "within-non-cidr", "because IsWithin is false for them")]
    [InlineData("ingress", "rule.FromPort == 3306 && !PolicyFunctions.CidrWithin(rule.Source, \"10.0.0.0/8\")", "within-non-cidr", "such as sg-")]
    public void A_footgun_is_a_warning_at_the_when_expression(string select, string when, string check, string message)
    {
        var (result, file) = Load(Policy(select, when, "notify"));

        Assert.Empty(result.Errors);
        Assert.Single(result.Policies);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal((check, new SourceLocation(file, 7, 7)), (warning.Check, warning.Location));
        Assert.Contains(message, warning.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{file}:7:7: warning: ", warning.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("egress", SmtpEgress, "default-egress")]
    [InlineData("ingress", ShareAsPercent, "share-above-one")]
    [InlineData("ingress", NotInsideTen, "within-non-cidr")]
    public void Enforce_mode_refuses_a_footgun_that_is_not_acknowledged(string select, string when, string check)
    {
        var (result, file) = Load(Policy(select, when, "enforce"));

        Assert.Empty(result.Policies);
        var error = Assert.Single(result.Errors);
        Assert.Equal(new SourceLocation(file, 7, 7), error.Location);
        Assert.Contains($"'mode: enforce' refuses this unless the policy says it is meant: 'acknowledge: [{check}]'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("egress", SmtpEgress, "default-egress", "enforce")]
    [InlineData("ingress", ShareAsPercent, "share-above-one", "enforce")]
    [InlineData("ingress", NotInsideTen, "within-non-cidr", "enforce")]
    [InlineData("ingress", NotInsideTen, "within-non-cidr", "notify")]
    public void An_acknowledged_footgun_loads_without_a_warning(string select, string when, string check, string mode)
    {
        var (result, _) = Load(Policy(select, when, mode, $"acknowledge: [{check}]\n"));

        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        Assert.Equal([check], Assert.Single(result.Policies).Acknowledge);
    }

    [Theory]
    [InlineData("egress", "rule.IsOpenToInternet && !rule.IsAllTraffic && rule.Includes(25)")]
    [InlineData("egress", "rule.IsOpenToInternet && rule.Protocol == \"tcp\" && rule.FromPort <= 25 && rule.ToPort >= 25")]
    [InlineData("ingress", "rule.PublicAddressShare >= 0.5")]
    [InlineData("ingress", "rule.IsCidr && rule.Includes(22) && !rule.IsWithin(\"10.0.0.0/8\")")]
    [InlineData("ingress", "rule.Includes(22) || rule.IsWithin(\"10.0.0.0/8\")")]
    [InlineData("ingress", "rule.Includes(22) && rule.IsWithin(\"10.0.0.0/8\")")]
    public void A_condition_that_means_what_it_says_is_not_warned_about(string select, string when)
    {
        var (result, _) = Load(Policy(select, when, "enforce"));

        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void An_acknowledgement_the_policy_does_not_need_is_a_warning()
    {
        var (result, file) = Load(Policy("ingress", "rule.PublicAddressShare >= 0.5", "enforce", "acknowledge: [share-above-one]\n"));

        Assert.Single(result.Policies);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(new SourceLocation(file, 8, 15), warning.Location);
        Assert.Contains("which this policy does not trip", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_acknowledgement_is_an_error_with_the_nearest_check()
    {
        var (result, file) = Load(Policy("egress", SmtpEgress, "notify", "acknowledge: [default-egres]\n"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(new SourceLocation(file, 8, 15), error.Location);
        Assert.Contains("did you mean 'default-egress'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_policies_trip_no_check()
    {
        var result = new PolicyLoader().Load([RepositoryPaths.Policies]);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
    }

    private static string Policy(string select, string when, string mode, string extra = "")
    {
        var action = select == "egress" ? "revoke-matched-egress" : "revoke-matched-ingress";
        var trigger = select == "egress" ? "AuthorizeSecurityGroupEgress" : "AuthorizeSecurityGroupIngress";
        return $"""
            id: footgun
            title: A condition that may not mean what it says
            severity: high
            resource: aws.ec2.security-group
            triggers: [{trigger}]
            select: {select}
            when: {when}
            {extra}remediation:
              action: {action}
              mode: {mode}

            """;
    }

    private static (PolicyLoadResult Result, string File) Load(string text)
    {
        var folder = Directory.CreateTempSubdirectory("opsbot-checks-").FullName;
        var file = Path.Combine(folder, "footgun.yaml");
        File.WriteAllText(file, text);
        try
        {
            return (new PolicyLoader().Load([file]), file);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
