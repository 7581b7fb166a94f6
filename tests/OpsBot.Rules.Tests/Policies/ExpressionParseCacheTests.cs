using OpsBot.Rules.Facts;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Resources;
using Xunit;

namespace OpsBot.Rules.Tests.Policies;

/// <summary>An expression is parsed once per scope and type; the check, the load checks and the engine share the parse.</summary>
public sealed class ExpressionParseCacheTests
{
    private static readonly IResourceType Groups = ResourceTypeRegistry.Default.Find("aws.ec2.security-group")!;
    private static readonly IElementCollection Ingress = Groups.Collection("ingress")!;

    [Fact]
    public void The_same_condition_is_one_tree_and_evaluates_as_written()
    {
        var first = PolicyExpressionCompiler.ParseWhen<PermissionFact, SecurityGroupFact>("rule.Includes(22) && sg.GroupId != \"\"", Groups, Ingress);
        var second = PolicyExpressionCompiler.ParseWhen<PermissionFact, SecurityGroupFact>("rule.Includes(22) && sg.GroupId != \"\"", Groups, Ingress);

        Assert.Same(first.Body, second.Body);
        var condition = first.Compile();
        var group = new SecurityGroupFact { GroupId = "sg-1" };
        Assert.True(condition(Tcp(20, 25), group));
        Assert.False(condition(Tcp(80, 80), group));
    }

    [Fact]
    public void A_text_read_in_another_scope_is_parsed_for_that_scope()
    {
        // `sg.IsDefault` is valid over the resource alone and over (element, resource): two parses, two shapes.
        var unless = PolicyExpressionCompiler.ParseUnless<SecurityGroupFact>("sg.IsDefault", Groups);
        var when = PolicyExpressionCompiler.ParseWhen<PermissionFact, SecurityGroupFact>("sg.IsDefault", Groups, Ingress);

        Assert.Single(unless.Parameters);
        Assert.Equal(2, when.Parameters.Count);
        Assert.True(unless.Compile()(new SecurityGroupFact { GroupId = "sg-default", GroupName = "default" }));
    }

    [Fact]
    public void A_refused_expression_is_refused_every_time_with_its_reason()
    {
        var first = PolicyExpressionCompiler.Check("rule.NoSuchMember", ExpressionScope.Element, Groups, Ingress);
        var second = PolicyExpressionCompiler.Check("rule.NoSuchMember", ExpressionScope.Element, Groups, Ingress);

        Assert.NotNull(first);
        Assert.Equal(first, second);
        Assert.Contains("NoSuchMember", first.Value.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PolicyExpressionCompiler.ParseWhen<PermissionFact, SecurityGroupFact>("rule.NoSuchMember", Groups, Ingress));
    }

    [Fact]
    public void Unless_names_no_element_even_when_the_same_text_is_valid_as_a_when()
    {
        Assert.Null(PolicyExpressionCompiler.Check("rule.Includes(22)", ExpressionScope.Element, Groups, Ingress));
        Assert.NotNull(PolicyExpressionCompiler.Check("rule.Includes(22)", ExpressionScope.Resource, Groups, null));
    }

    [Fact]
    public void The_enumerations_string_methods_take_are_known_without_the_core_library_scan()
    {
        Assert.Null(PolicyExpressionCompiler.Check("rule.Description.StartsWith(\"Temp\", StringComparison.OrdinalIgnoreCase)", ExpressionScope.Element, Groups, Ingress));
        var condition = PolicyExpressionCompiler.ParseWhen<PermissionFact, SecurityGroupFact>("rule.Description.StartsWith(\"temp\", StringComparison.OrdinalIgnoreCase)", Groups, Ingress).Compile();

        Assert.True(condition(Tcp(22, 22) with { Description = "TEMP access" }, new SecurityGroupFact { GroupId = "sg-1" }));
        Assert.NotNull(PolicyExpressionCompiler.Check("rule.Protocol == DayOfWeek.Monday.ToString()", ExpressionScope.Element, Groups, Ingress));
    }

    private static PermissionFact Tcp(int from, int to) => new()
    {
        Direction = TrafficDirection.Ingress,
        Protocol = IpProtocol.Tcp,
        FromPort = from,
        ToPort = to,
        SourceKind = SourceKind.Ipv4Cidr,
        Source = "10.0.0.0/8",
    };
}
