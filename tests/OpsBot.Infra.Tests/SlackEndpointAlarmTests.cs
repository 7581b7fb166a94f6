using OpsBot.Functions.Outbox;
using OpsBot.Functions.Slack.Signing;
using YamlDotNet.RepresentationModel;

namespace OpsBot.Infra.Tests;

/// <summary>Requests refused before their Slack signature verified are counted, not stored; an alarm watches the count.</summary>
public sealed class SlackEndpointAlarmTests
{
    private static readonly CfnTemplate Central = CfnTemplate.Load("template.yaml");

    [Fact]
    public void An_alarm_watches_the_metric_the_interactions_function_writes_and_notifies_the_alert_topic()
    {
        var alarm = Assert.Single(Central.ResourcesOfType("AWS::CloudWatch::Alarm"), id =>
            CfnTemplate.Scalar(Central.Properties(id), "MetricName") == RejectedRequestSignal.MetricName);
        var properties = Central.Properties(alarm);

        Assert.Equal(EmbeddedMetricDeliveryMetrics.Namespace, CfnTemplate.Scalar(properties, "Namespace"));
        Assert.Equal("Sum", CfnTemplate.Scalar(properties, "Statistic"));
        Assert.Equal("GreaterThanThreshold", CfnTemplate.Scalar(properties, "ComparisonOperator"));
        Assert.Equal("notBreaching", CfnTemplate.Scalar(properties, "TreatMissingData"));
        Assert.Equal("SlackApp", CfnTemplate.Scalar(Central.Resource(alarm), "Condition"));
        var action = Assert.Single(((YamlSequenceNode)CfnTemplate.Child(properties, "AlarmActions")!).Children);
        Assert.Equal("AlertTopic", EventDeliveryTests.RefOf(action));
    }
}
