using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace OpsBot.Infra.Tests;

/// <summary>The public Slack endpoint logs every request it receives, into a log group with a retention, without headers or body.</summary>
public sealed class SlackApiAccessLogTests
{
    private static readonly CfnTemplate Central = CfnTemplate.Load("template.yaml");

    [Fact]
    public void The_slack_http_api_writes_access_logs_to_its_own_log_group_with_the_log_retention()
    {
        var settings = CfnTemplate.Map(Central.Properties("SlackApi"), "AccessLogSettings");
        var destination = Assert.IsType<YamlScalarNode>(CfnTemplate.Child(settings, "DestinationArn"));

        Assert.Equal(("!GetAtt", "SlackApiAccessLogGroup.Arn"), (destination.Tag.Value, destination.Value));
        Assert.Equal("AWS::Logs::LogGroup", CfnTemplate.Scalar(Central.Resource("SlackApiAccessLogGroup"), "Type"));
        Assert.Equal("SlackApp", CfnTemplate.Scalar(Central.Resource("SlackApiAccessLogGroup"), "Condition"));
        Assert.Equal("LogRetentionDays", EventDeliveryTests.RefOf(CfnTemplate.Child(Central.Properties("SlackApiAccessLogGroup"), "RetentionInDays")));
    }

    [Fact]
    public void Each_line_is_json_with_who_what_and_how_it_ended_and_nothing_of_the_request_itself()
    {
        var format = CfnTemplate.Scalar(CfnTemplate.Map(Central.Properties("SlackApi"), "AccessLogSettings"), "Format")!;

        using var line = JsonDocument.Parse(format);
        var fields = line.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal("$context.requestId", fields["requestId"]);
        Assert.Equal("$context.identity.sourceIp", fields["ip"]);
        Assert.Equal("$context.status", fields["status"]);
        Assert.Equal("$context.routeKey", fields["routeKey"]);
        Assert.DoesNotContain(fields.Values, v => v!.Contains("header", StringComparison.OrdinalIgnoreCase) || v.Contains("body", StringComparison.OrdinalIgnoreCase));
    }
}
