using YamlDotNet.RepresentationModel;

namespace OpsBot.Infra.Tests;

/// <summary>
/// What infra/member-account.yaml does with an event it cannot forward: retry for as long as
/// EventBridge allows, then keep it in a dead-letter queue only the forwarding rule can write
/// to, and raise an alarm. Read from the template, because moto's CloudFormation creates neither
/// <c>AWS::SQS::QueuePolicy</c> nor <c>AWS::CloudWatch::Alarm</c> (MemberStackOnMotoTests checks
/// the parts it does create).
/// </summary>
public sealed class ForwardingDeadLetterTests
{
    private static readonly CfnTemplate Member = CfnTemplate.Load("infra/member-account.yaml");

    private static YamlMappingNode Target =>
        (YamlMappingNode)Assert.Single(((YamlSequenceNode)CfnTemplate.Child(Member.Properties("ForwardingRule"), "Targets")!).Children);

    [Fact]
    public void The_forwarding_target_retries_185_times_over_24_hours_the_eventbridge_maximums()
    {
        var retry = CfnTemplate.Map(Target, "RetryPolicy");

        Assert.Equal("185", CfnTemplate.Scalar(retry, "MaximumRetryAttempts"));
        Assert.Equal("86400", CfnTemplate.Scalar(retry, "MaximumEventAgeInSeconds"));
    }

    [Fact]
    public void The_forwarding_target_dead_letters_to_the_member_queue()
    {
        var arn = CfnTemplate.Child(CfnTemplate.Map(Target, "DeadLetterConfig"), "Arn");

        AssertGetAtt("ForwardingDeadLetterQueue.Arn", arn);
    }

    [Fact]
    public void The_dead_letter_queue_keeps_events_14_days_encrypted_and_survives_stack_deletion()
    {
        var queue = Member.Resource("ForwardingDeadLetterQueue");
        var properties = Member.Properties("ForwardingDeadLetterQueue");

        Assert.Equal("AWS::SQS::Queue", CfnTemplate.Scalar(queue, "Type"));
        Assert.Equal("1209600", CfnTemplate.Scalar(properties, "MessageRetentionPeriod"));
        Assert.Equal("true", CfnTemplate.Scalar(properties, "SqsManagedSseEnabled"));
        Assert.Equal("Retain", CfnTemplate.Scalar(queue, "DeletionPolicy"));
        Assert.Equal("Retain", CfnTemplate.Scalar(queue, "UpdateReplacePolicy"));
    }

    [Fact]
    public void Only_eventbridge_on_behalf_of_the_forwarding_rule_may_send_to_the_dead_letter_queue()
    {
        var policy = Member.Properties(Assert.Single(Member.ResourcesOfType("AWS::SQS::QueuePolicy")));
        var queues = (YamlSequenceNode)CfnTemplate.Child(policy, "Queues")!;
        var statement = Assert.Single(CfnTemplate.Statements(CfnTemplate.Map(policy, "PolicyDocument")));

        Assert.Equal("ForwardingDeadLetterQueue", Assert.IsType<YamlScalarNode>(Assert.Single(queues.Children)).Value);
        Assert.Equal("Allow", CfnTemplate.Scalar(statement, "Effect"));
        Assert.Equal(["events.amazonaws.com"], CfnTemplate.Strings(CfnTemplate.Child(CfnTemplate.Map(statement, "Principal"), "Service")));
        Assert.Equal(["sqs:SendMessage"], CfnTemplate.Strings(CfnTemplate.Child(statement, "Action")));
        AssertGetAtt("ForwardingDeadLetterQueue.Arn", CfnTemplate.Child(statement, "Resource"));
        var sourceArn = CfnTemplate.Child(CfnTemplate.Map(CfnTemplate.Map(statement, "Condition"), "ArnEquals"), "aws:SourceArn");
        AssertGetAtt("ForwardingRule.Arn", sourceArn);
    }

    [Fact]
    public void An_alarm_fires_as_soon_as_one_event_waits_in_the_dead_letter_queue()
    {
        var alarm = AlarmOn("AWS/SQS", "ApproximateNumberOfMessagesVisible");

        var dimension = Assert.Single(((YamlSequenceNode)CfnTemplate.Child(alarm, "Dimensions")!).Children.Cast<YamlMappingNode>());
        Assert.Equal("QueueName", CfnTemplate.Scalar(dimension, "Name"));
        AssertGetAtt("ForwardingDeadLetterQueue.QueueName", CfnTemplate.Child(dimension, "Value"));
        AssertFiresAboveZero(alarm);
    }

    [Fact]
    public void An_alarm_fires_when_the_rule_could_not_even_dead_letter_an_event()
    {
        var alarm = AlarmOn("AWS/Events", "InvocationsFailedToBeSentToDlq");

        var dimension = Assert.Single(((YamlSequenceNode)CfnTemplate.Child(alarm, "Dimensions")!).Children.Cast<YamlMappingNode>());
        Assert.Equal("RuleName", CfnTemplate.Scalar(dimension, "Name"));
        Assert.Equal(("!Ref", "ForwardingRule"), (CfnTemplate.Child(dimension, "Value")!.Tag.Value, CfnTemplate.Scalar(dimension, "Value")));
        AssertFiresAboveZero(alarm);
    }

    [Fact]
    public void Every_alarm_notifies_the_alarm_topic_only_when_one_is_given()
    {
        var condition = CfnTemplate.Child(CfnTemplate.Map(Member.Root, "Conditions"), "NotifyAlarmTopic")!;
        Assert.Equal("!Not", condition.Tag.Value);
        Assert.Equal("", CfnTemplate.Scalar(CfnTemplate.Map(CfnTemplate.Map(Member.Root, "Parameters"), "AlarmTopicArn"), "Default"));

        var alarms = Member.ResourcesOfType("AWS::CloudWatch::Alarm").ToList();
        Assert.NotEmpty(alarms);
        foreach (var alarm in alarms)
        {
            var actions = Assert.IsType<YamlSequenceNode>(CfnTemplate.Child(Member.Properties(alarm), "AlarmActions"));
            Assert.Equal("!If", actions.Tag.Value);
            Assert.Equal("NotifyAlarmTopic", ((YamlScalarNode)actions.Children[0]).Value);
            Assert.Equal(["AlarmTopicArn"], ((YamlSequenceNode)actions.Children[1]).Children.Select(n => ((YamlScalarNode)n).Value));
            Assert.Equal(("!Ref", "AWS::NoValue"), (actions.Children[2].Tag.Value, ((YamlScalarNode)actions.Children[2]).Value));
        }
    }

    private static YamlMappingNode AlarmOn(string metricNamespace, string metric) =>
        Member.Properties(Assert.Single(
            Member.ResourcesOfType("AWS::CloudWatch::Alarm"),
            id => CfnTemplate.Scalar(Member.Properties(id), "Namespace") == metricNamespace && CfnTemplate.Scalar(Member.Properties(id), "MetricName") == metric));

    private static void AssertFiresAboveZero(YamlMappingNode alarm)
    {
        Assert.Equal("GreaterThanThreshold", CfnTemplate.Scalar(alarm, "ComparisonOperator"));
        Assert.Equal("0", CfnTemplate.Scalar(alarm, "Threshold"));
        Assert.Equal("1", CfnTemplate.Scalar(alarm, "EvaluationPeriods"));
        Assert.Equal("notBreaching", CfnTemplate.Scalar(alarm, "TreatMissingData"));
    }

    private static void AssertGetAtt(string expected, YamlNode? node)
    {
        var getAtt = Assert.IsType<YamlScalarNode>(node);
        Assert.Equal(("!GetAtt", expected), (getAtt.Tag.Value, getAtt.Value));
    }
}
