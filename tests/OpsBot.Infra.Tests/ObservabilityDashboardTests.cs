using System.Text.Json;
using System.Text.RegularExpressions;
using OpsBot.Functions.Observability;
using YamlDotNet.RepresentationModel;

namespace OpsBot.Infra.Tests;

/// <summary>
/// The dashboard and alarms in template.yaml name the metrics the functions really emit: the names come
/// from <see cref="OutcomeMetricNames"/>, and one line written by the emitter itself is read back.
/// </summary>
public sealed partial class ObservabilityDashboardTests
{
    private static readonly CfnTemplate Central = CfnTemplate.Load("template.yaml");

    [Fact]
    public void The_dashboard_graphs_every_outcome_metric_per_policy()
    {
        var searched = Searches().Select(s => s.Metric).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(OutcomeMetricNames.All.Order(StringComparer.Ordinal), searched.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_dashboard_searches_the_namespace_and_dimensions_the_emitter_writes()
    {
        var line = EmittedLine();
        var directive = line.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        var dimensions = directive.GetProperty("Dimensions").EnumerateArray().Select(set => string.Join(",", set.EnumerateArray().Select(d => d.GetString()))).ToList();
        var emitted = directive.GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString()!).ToList();

        Assert.Contains($"{OutcomeMetricNames.PolicyDimension},{OutcomeMetricNames.ResourceTypeDimension}", dimensions);
        Assert.All(Searches(), s => Assert.Equal($"{directive.GetProperty("Namespace").GetString()},{dimensions[0]}", s.Schema));
        Assert.All(emitted, name => Assert.Contains(Searches(), s => s.Metric == name));
    }

    [Fact]
    public void The_dashboard_shows_remediation_latency_at_p50_and_p99()
    {
        var stats = Searches().Where(s => s.Metric == OutcomeMetricNames.RemediationLatency).Select(s => s.Statistic).Order(StringComparer.Ordinal);

        Assert.Equal(["p50", "p99"], stats);
    }

    [Fact]
    public void The_dashboard_shows_the_dead_letter_queue_depth()
    {
        var metrics = Widgets().SelectMany(w => w.GetProperty("properties").GetProperty("metrics").EnumerateArray())
            .Where(m => m[0].ValueKind == JsonValueKind.String)
            .Select(m => string.Join(" ", m.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString())));

        Assert.Contains("AWS/SQS ApproximateNumberOfMessagesVisible QueueName ${DeadLetterQueue.QueueName}", metrics);
    }

    [Theory]
    [InlineData(OutcomeMetricNames.Failed)]
    [InlineData(OutcomeMetricNames.AnnouncementsFailed)]
    public void An_alarm_watches_the_total_of_the_metric_and_notifies_the_alert_topic(string metric)
    {
        var alarm = Assert.Single(Central.ResourcesOfType("AWS::CloudWatch::Alarm"), id =>
            CfnTemplate.Scalar(Central.Properties(id), "MetricName") == metric);
        var properties = Central.Properties(alarm);

        // No dimensions: the emitter's empty dimension set, the total over every policy.
        Assert.Null(CfnTemplate.Child(properties, "Dimensions"));
        Assert.Contains("[]", EmittedDimensionSets());
        Assert.Equal(OutcomeMetricNames.Namespace, CfnTemplate.Scalar(properties, "Namespace"));
        Assert.Equal(("Sum", "GreaterThanThreshold", "0", "notBreaching"), (CfnTemplate.Scalar(properties, "Statistic"), CfnTemplate.Scalar(properties, "ComparisonOperator"), CfnTemplate.Scalar(properties, "Threshold"), CfnTemplate.Scalar(properties, "TreatMissingData")));
        var action = Assert.Single(((YamlSequenceNode)CfnTemplate.Child(properties, "AlarmActions")!).Children);
        Assert.Equal("AlertTopic", EventDeliveryTests.RefOf(action));
    }

    private static IReadOnlyList<JsonElement> Widgets()
    {
        var dashboard = Assert.Single(Central.ResourcesOfType("AWS::CloudWatch::Dashboard"));
        var body = (YamlScalarNode)CfnTemplate.Child(Central.Properties(dashboard), "DashboardBody")!;
        Assert.Equal("!Sub", CfnTemplate.TagOf(body));

        // ${...} are !Sub's; inside JSON strings they stay valid JSON as they are.
        return [.. JsonDocument.Parse(body.Value!).RootElement.GetProperty("widgets").EnumerateArray()];
    }

    private static IReadOnlyList<(string Schema, string Metric, string Statistic)> Searches() =>
        [.. Widgets().SelectMany(w => w.GetProperty("properties").GetProperty("metrics").EnumerateArray())
            .SelectMany(m => m.EnumerateArray())
            .Where(v => v.ValueKind == JsonValueKind.Object && v.TryGetProperty("expression", out _))
            .Select(v => Search().Match(v.GetProperty("expression").GetString()!))
            .Select(m => (m.Groups["schema"].Value, m.Groups["metric"].Value, m.Groups["stat"].Value))];

    private static JsonElement EmittedLine()
    {
        using var log = new StringWriter();
        new EmbeddedMetricOutcomeMetrics(log, TimeProvider.System).Outcome("evt-1", new PolicyOutcome("p", "aws.ec2.security-group", 1, 1, 1, 0, 0, 12));
        return JsonDocument.Parse(log.ToString()).RootElement.Clone();
    }

    private static IReadOnlyList<string> EmittedDimensionSets() =>
        [.. EmittedLine().GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Dimensions").EnumerateArray().Select(s => s.GetRawText())];

    [GeneratedRegex("""^SEARCH\('\{(?<schema>[^}]+)\} MetricName="(?<metric>\w+)"', '(?<stat>\w+)', \d+\)$""")]
    private static partial Regex Search();
}
