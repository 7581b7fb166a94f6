using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace OpsBot.Infra.Tests;

/// <summary>
/// Least privilege around the member remediation role: its trust policy has an account and an
/// organization backstop behind the exact principals, the central functions may assume it only
/// inside the organization (<c>aws:ResourceOrgID</c>), only the Slack interactions function may set a
/// source identity, and every ARN handed to the member stacks is validated.
/// </summary>
public sealed class MemberTrustTests
{
    private const string GoodArn = "arn:aws:iam::123456789012:role/opsbot-EventHandlerRole-ABC123";

    private static readonly CfnTemplate Member = CfnTemplate.Load("infra/member-account.yaml");
    private static readonly CfnTemplate Central = CfnTemplate.Load("template.yaml");
    private static readonly CfnTemplate Organization = CfnTemplate.Load("infra/organization.yaml");

    [Fact]
    public void The_member_role_trusts_only_callers_in_the_central_account()
    {
        var condition = TrustConditions();

        var account = Assert.IsType<YamlSequenceNode>(CfnTemplate.Child(condition, "aws:PrincipalAccount"));
        Assert.Equal("!Select", account.Tag.Value);
        Assert.Equal("4", ((YamlScalarNode)account.Children[0]).Value);
        var split = (YamlSequenceNode)account.Children[1];
        Assert.Equal("!Split", split.Tag.Value);
        Assert.Equal(":", ((YamlScalarNode)split.Children[0]).Value);
        var first = (YamlSequenceNode)split.Children[1];
        Assert.Equal("0", ((YamlScalarNode)first.Children[0]).Value);
        Assert.Equal("CentralFunctionRoleArns", EventDeliveryTests.RefOf(first.Children[1]));
    }

    [Fact]
    public void The_member_role_trusts_only_callers_in_the_organization_when_its_id_is_given()
    {
        var orgId = CfnTemplate.Child(TrustConditions(), "aws:PrincipalOrgID")!;

        Assert.True(CfnTemplate.IsIf(orgId, "HasOrganizationId"));
        var branches = ((YamlSequenceNode)orgId).Children;
        Assert.Equal("OrganizationId", EventDeliveryTests.RefOf(branches[1]));
        Assert.Equal("AWS::NoValue", EventDeliveryTests.RefOf(branches[2]));
    }

    [Fact]
    public void Every_central_function_assumes_member_roles_only_inside_the_organization()
    {
        Assert.All(AssumeGrants(), grant =>
        {
            var equals = CfnTemplate.Map(CfnTemplate.Map(grant.Statement, "Condition"), "StringEquals");
            Assert.Equal("OrganizationId", EventDeliveryTests.RefOf(CfnTemplate.Child(equals, "aws:ResourceOrgID")));
        });
    }

    [Fact]
    public void Only_the_slack_interactions_function_may_set_a_source_identity()
    {
        var setters = AssumeGrants()
            .Where(g => CfnTemplate.Strings(CfnTemplate.Child(g.Statement, "Action")).Contains("sts:SetSourceIdentity"))
            .Select(g => g.Function)
            .ToList();

        Assert.Equal(["SlackInteractions"], setters);
        Assert.Equal(3, AssumeGrants().Count());
    }

    [Theory]
    [InlineData(GoodArn, true)]
    [InlineData(GoodArn + ",arn:aws:iam::123456789012:role/opsbot-SweeperRole-XYZ", true)]
    [InlineData(GoodArn + ",arn:aws-us-gov:iam::123456789012:role/path/opsbot-Slack", true)]
    [InlineData(GoodArn + ",not-an-arn", false)]
    [InlineData(GoodArn + ",arn:aws:iam::123456789012:user/alice", false)]
    [InlineData(GoodArn + ", arn:aws:iam::123456789012:role/spaced", false)]
    [InlineData(GoodArn + ",arn:aws:iam::*:role/anyone", false)]
    [InlineData(GoodArn + ",", false)]
    [InlineData("", false)]
    public void The_organization_template_validates_every_arn_of_the_list(string value, bool valid) =>
        Assert.Equal(valid, Matches(Organization, "CentralFunctionRoleArns", value));

    [Theory]
    [InlineData(GoodArn, true)]
    [InlineData("arn:aws:iam::123456789012:role/*", false)]
    [InlineData("arn:aws:iam::12345678901:role/short-account", false)]
    [InlineData("123456789012", false)]
    public void The_member_template_validates_each_trusted_arn(string item, bool valid) =>
        Assert.Equal(valid, Matches(Member, "CentralFunctionRoleArns", item));

    [Theory]
    [InlineData("", true)]
    [InlineData("o-a1b2c3d4e5", true)]
    [InlineData("o-short", false)]
    [InlineData("r-a1b2", false)]
    public void The_organization_id_is_optional_and_validated(string value, bool valid)
    {
        Assert.Equal(valid, Matches(Member, "OrganizationId", value));
        Assert.Equal(valid, Matches(Organization, "OrganizationId", value));
    }

    [Fact]
    public void The_organization_template_passes_the_organization_id_to_every_member_stack()
    {
        var parameters = ((YamlSequenceNode)CfnTemplate.Child(Organization.Properties("MemberStackSet"), "Parameters")!).Children.Cast<YamlMappingNode>();

        var passed = Assert.Single(parameters, p => CfnTemplate.Scalar(p, "ParameterKey") == "OrganizationId");
        Assert.Equal("OrganizationId", EventDeliveryTests.RefOf(CfnTemplate.Child(passed, "ParameterValue")));
    }

    private static YamlMappingNode TrustConditions()
    {
        var trust = CfnTemplate.Map(Member.Properties("RemediationRole"), "AssumeRolePolicyDocument");
        var statement = Assert.Single(CfnTemplate.Statements(trust));
        return CfnTemplate.Map(CfnTemplate.Map(statement, "Condition"), "StringEquals");
    }

    private static IEnumerable<(string Function, YamlMappingNode Statement)> AssumeGrants() =>
        Central.ResourcesOfType("AWS::Serverless::Function").SelectMany(function =>
            ((YamlSequenceNode)CfnTemplate.Child(Central.Properties(function), "Policies")!).Children
                .OfType<YamlMappingNode>()
                .SelectMany(CfnTemplate.Statements)
                .Where(s => CfnTemplate.Strings(CfnTemplate.Child(s, "Action")).Contains("sts:AssumeRole"))
                .Select(s => (function, s)));

    private static bool Matches(CfnTemplate template, string parameter, string value)
    {
        var pattern = CfnTemplate.Scalar(CfnTemplate.Map(CfnTemplate.Map(template.Root, "Parameters"), parameter), "AllowedPattern");
        Assert.NotNull(pattern);
        return Regex.IsMatch(value, pattern);
    }
}
