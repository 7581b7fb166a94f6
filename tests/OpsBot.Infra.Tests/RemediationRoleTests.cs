using OpsBot.Rules.Actions;
using YamlDotNet.RepresentationModel;

namespace OpsBot.Infra.Tests;

/// <summary>
/// The member remediation role grants exactly what the action registry declares, and only the
/// central function roles may assume it.
/// </summary>
public sealed class RemediationRoleTests
{
    private static readonly CfnTemplate Member = CfnTemplate.Load("infra/member-account.yaml");

    private static YamlMappingNode Role => Member.Properties("RemediationRole");

    [Fact]
    public void The_role_grants_every_permission_an_action_declares_and_nothing_else()
    {
        var needed = ActionRegistry.Default.All.SelectMany(a => a.IamPermissions).ToHashSet(StringComparer.Ordinal);
        var granted = GrantedActions().ToHashSet(StringComparer.Ordinal);

        var missing = needed.Except(granted).Order(StringComparer.Ordinal).ToList();
        var extra = granted.Except(needed).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(needed);
        var neededBy = string.Join(", ", ActionRegistry.Default.All.Where(a => a.IamPermissions.Intersect(missing).Any()).Select(a => a.Name));
        Assert.True(
            missing.Count == 0 && extra.Count == 0,
            $"infra/member-account.yaml RemediationRole: missing [{string.Join(", ", missing)}] (needed by {neededBy}); not declared by any action [{string.Join(", ", extra)}]");
    }

    [Fact]
    public void The_role_has_no_managed_policies_wildcard_actions_or_deny_tricks()
    {
        Assert.Null(CfnTemplate.Child(Role, "ManagedPolicyArns"));
        Assert.Null(CfnTemplate.Child(Role, "PermissionsBoundary"));
        Assert.DoesNotContain(GrantedActions(), a => a.Contains('*', StringComparison.Ordinal));
        Assert.All(Statements(), s =>
        {
            Assert.Equal("Allow", CfnTemplate.Scalar(s, "Effect"));
            Assert.Null(CfnTemplate.Child(s, "NotAction"));
            Assert.Null(CfnTemplate.Child(s, "NotResource"));
        });
        Assert.Empty(Member.ResourcesOfType("AWS::IAM::Policy"));
        Assert.Empty(Member.ResourcesOfType("AWS::IAM::ManagedPolicy"));
    }

    [Fact]
    public void Only_the_central_function_roles_may_assume_the_role()
    {
        var trust = CfnTemplate.Statements(CfnTemplate.Map(Role, "AssumeRolePolicyDocument")).ToList();
        var statement = Assert.Single(trust);
        var principal = CfnTemplate.Map(statement, "Principal");

        Assert.Equal("Allow", CfnTemplate.Scalar(statement, "Effect"));
        Assert.Equal(["sts:AssumeRole", "sts:SetSourceIdentity"], CfnTemplate.Strings(CfnTemplate.Child(statement, "Action")));
        Assert.Equal(["AWS"], principal.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Equal("CentralFunctionRoleArns", EventDeliveryTests.RefOf(CfnTemplate.Child(principal, "AWS")));
    }

    [Fact]
    public void The_role_has_the_name_the_central_functions_assume()
    {
        var central = CfnTemplate.Load("template.yaml");
        var memberDefault = CfnTemplate.Scalar(CfnTemplate.Map(CfnTemplate.Map(Member.Root, "Parameters"), "RemediationRoleName"), "Default");
        var centralDefault = CfnTemplate.Scalar(CfnTemplate.Map(CfnTemplate.Map(central.Root, "Parameters"), "MemberRoleName"), "Default");

        Assert.Equal("RemediationRoleName", EventDeliveryTests.RefOf(CfnTemplate.Child(Role, "RoleName")));
        Assert.Equal("OpsBotRemediationRole", memberDefault);
        Assert.Equal(memberDefault, centralDefault);
    }

    [Fact]
    public void Each_central_function_may_assume_only_the_member_remediation_role()
    {
        var central = CfnTemplate.Load("template.yaml");
        foreach (var function in central.ResourcesOfType("AWS::Serverless::Function"))
        {
            var statements = ((YamlSequenceNode)CfnTemplate.Child(central.Properties(function), "Policies")!).Children
                .OfType<YamlMappingNode>()
                .SelectMany(CfnTemplate.Statements)
                .Where(s => CfnTemplate.Strings(CfnTemplate.Child(s, "Action")).Contains("sts:AssumeRole"))
                .ToList();
            var statement = Assert.Single(statements);
            var resource = Assert.IsType<YamlScalarNode>(CfnTemplate.Child(statement, "Resource"));
            Assert.Equal("!Sub", resource.Tag.Value);
            Assert.Equal("arn:${AWS::Partition}:iam::*:role/${MemberRoleName}", resource.Value);
        }
    }

    private static IEnumerable<YamlMappingNode> Statements() =>
        ((YamlSequenceNode)CfnTemplate.Child(Role, "Policies")!).Children
            .Cast<YamlMappingNode>()
            .SelectMany(p => CfnTemplate.Statements(CfnTemplate.Map(p, "PolicyDocument")));

    private static IEnumerable<string> GrantedActions() =>
        Statements().SelectMany(s => CfnTemplate.Strings(CfnTemplate.Child(s, "Action")));
}
