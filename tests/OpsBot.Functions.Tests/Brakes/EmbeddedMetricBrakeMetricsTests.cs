using System.Text.Json;
using OpsBot.Functions.Brakes;
using OpsBot.Functions.Tests.Slack;

namespace OpsBot.Functions.Tests.Brakes;

public sealed class EmbeddedMetricBrakeMetricsTests
{
    [Fact]
    public void A_trip_is_one_embedded_metric_line_the_alarm_counts()
    {
        var log = new StringWriter();
        var metrics = new EmbeddedMetricBrakeMetrics(log, new VirtualClock(new DateTimeOffset(2026, 12, 2, 20, 0, 0, TimeSpan.Zero)));

        metrics.BreakerTripped("more than 60 automatic actions");

        using var line = JsonDocument.Parse(Assert.Single(log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        var root = line.RootElement;
        var directive = root.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        Assert.Equal("OpsBot", directive.GetProperty("Namespace").GetString());
        Assert.Equal("CircuitBreakerTripped", directive.GetProperty("Metrics")[0].GetProperty("Name").GetString());
        Assert.Equal(1, root.GetProperty("CircuitBreakerTripped").GetInt32());
        Assert.Equal("more than 60 automatic actions", root.GetProperty("reason").GetString());
    }
}
