using OpsBot.Rules.Policies;
using OpsBot.Rules.Resources;
using YamlDotNet.RepresentationModel;

namespace OpsBot.Infra.Tests;

/// <summary>
/// The member forwarding rule and the central routing rule deliver every CloudTrail event a
/// policy can trigger on, so that adding a policy or a trigger cannot silently go unheard.
/// </summary>
public sealed class EventDeliveryTests
{
    private const string MemberTemplate = "infra/member-account.yaml";
    private const string CentralTemplate = "template.yaml";

    public static TheoryData<string, string> Rules => new()
    {
        { MemberTemplate, "ForwardingRule" },
        { CentralTemplate, "CloudTrailEventsRule" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Every_event_a_policy_triggers_on_is_delivered_by_the_rule(string template, string rule)
    {
        var pattern = PatternOf(template, rule);
        var policies = PolicySet.Load(Repo.PathOf("policies"));
        Assert.NotEmpty(policies.All);

        var undelivered = policies.Triggers
            .Select(t => (t.Resource, t.Event, Source: ResourceTypeRegistry.Default.Find(t.Resource)!.EventSource))
            .Where(t => !EventPattern.Matches(pattern, EventPattern.CloudTrailEvent(t.Source, t.Event)))
            .Select(t => $"{t.Event} ({t.Source}, policies: {string.Join(", ", policies.For(t.Resource, t.Event).Select(p => p.Id))})")
            .ToList();

        Assert.True(undelivered.Count == 0, $"{template} {rule} does not deliver: {string.Join("; ", undelivered)}");
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Every_event_a_resource_type_accepts_as_trigger_is_delivered_by_the_rule(string template, string rule)
    {
        var pattern = PatternOf(template, rule);

        var undelivered = ResourceTypeRegistry.Default.All
            .SelectMany(r => r.EventNames.Select(e => (r.EventSource, Event: e)))
            .Where(t => !EventPattern.Matches(pattern, EventPattern.CloudTrailEvent(t.EventSource, t.Event)))
            .Select(t => $"{t.Event} ({t.EventSource})")
            .ToList();

        Assert.True(undelivered.Count == 0, $"{template} {rule} does not deliver: {string.Join("; ", undelivered)}");
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void The_rule_forwards_no_event_name_that_no_resource_type_declares(string template, string rule)
    {
        var pattern = PatternOf(template, rule);
        var declared = ResourceTypeRegistry.Default.All.SelectMany(r => r.EventNames).ToHashSet(StringComparer.Ordinal);
        var listed = CfnTemplate.Strings(CfnTemplate.Child(CfnTemplate.Map(pattern, "detail"), "eventName"));

        var stray = listed.Where(e => !declared.Contains(e)).ToList();

        Assert.True(stray.Count == 0, $"{template} {rule} forwards events no resource type declares: {string.Join(", ", stray)}");
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void The_rule_ignores_other_services_and_non_CloudTrail_events(string template, string rule)
    {
        var pattern = PatternOf(template, rule);
        var foreign = EventPattern.CloudTrailEvent("iam.amazonaws.com", "AuthorizeSecurityGroupIngress");
        var notCloudTrail = EventPattern.CloudTrailEvent("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress");
        notCloudTrail["detail-type"] = "EC2 Instance State-change Notification";
        var opsBotResult = EventPattern.CloudTrailEvent("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress");
        opsBotResult["source"] = "opsbot";

        Assert.False(EventPattern.Matches(pattern, foreign));
        Assert.False(EventPattern.Matches(pattern, notCloudTrail));
        Assert.False(EventPattern.Matches(pattern, opsBotResult));
    }

    [Fact]
    public void The_member_rule_forwards_to_the_central_bus_with_a_role_that_may_only_put_events_there()
    {
        var member = CfnTemplate.Load(MemberTemplate);
        var target = ((YamlSequenceNode)CfnTemplate.Child(member.Properties("ForwardingRule"), "Targets")!).Children.Cast<YamlMappingNode>().Single();
        Assert.Equal("CentralEventBusArn", RefOf(CfnTemplate.Child(target, "Arn")));
        Assert.Equal("ForwardingRole.Arn", ((YamlScalarNode)CfnTemplate.Child(target, "RoleArn")!).Value);
        Assert.Null(CfnTemplate.Scalar(member.Properties("ForwardingRule"), "EventBusName"));

        var statements = ((YamlSequenceNode)CfnTemplate.Child(member.Properties("ForwardingRole"), "Policies")!).Children
            .Cast<YamlMappingNode>()
            .SelectMany(p => CfnTemplate.Statements(CfnTemplate.Map(p, "PolicyDocument")))
            .ToList();
        var statement = Assert.Single(statements);
        Assert.Equal(["events:PutEvents"], CfnTemplate.Strings(CfnTemplate.Child(statement, "Action")));
        Assert.Equal("CentralEventBusArn", RefOf(CfnTemplate.Child(statement, "Resource")));
    }

    [Fact]
    public void The_central_bus_admits_only_the_organization()
    {
        var central = CfnTemplate.Load(CentralTemplate);
        var statement = CfnTemplate.Map(central.Properties("CentralEventBusOrganizationPolicy"), "Statement");
        var condition = CfnTemplate.Map(CfnTemplate.Map(statement, "Condition"), "StringEquals");

        Assert.Equal("events:PutEvents", CfnTemplate.Scalar(statement, "Action"));
        Assert.Equal("OrganizationId", RefOf(CfnTemplate.Child(condition, "aws:PrincipalOrgID")));
    }

    [Fact]
    public void The_central_rule_routes_to_the_queue_that_feeds_the_event_handler()
    {
        var central = CfnTemplate.Load(CentralTemplate);
        var rule = central.Properties("CloudTrailEventsRule");
        var target = ((YamlSequenceNode)CfnTemplate.Child(rule, "Targets")!).Children.Cast<YamlMappingNode>().Single();
        var source = CfnTemplate.Map(CfnTemplate.Map(CfnTemplate.Map(central.Properties("EventHandler"), "Events"), "CloudTrailQueue"), "Properties");

        Assert.Equal("CentralEventBus", RefOf(CfnTemplate.Child(rule, "EventBusName")));
        Assert.Equal("EventQueue.Arn", CfnTemplate.Scalar(target, "Arn"));
        Assert.Equal("EventQueue.Arn", CfnTemplate.Scalar(source, "Queue"));
        Assert.Equal(["ReportBatchItemFailures"], CfnTemplate.Strings(CfnTemplate.Child(source, "FunctionResponseTypes")));
    }

    internal static YamlMappingNode PatternOf(string template, string rule) =>
        CfnTemplate.Map(CfnTemplate.Load(template).Properties(rule), "EventPattern");

    internal static string? RefOf(YamlNode? node) =>
        node is YamlScalarNode { Tag.Value: "!Ref" } s ? s.Value
        : node is YamlMappingNode m && CfnTemplate.Scalar(m, "Ref") is { } r ? r
        : null;
}
