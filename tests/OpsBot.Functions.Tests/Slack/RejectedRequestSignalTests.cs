using System.Text.Json;
using OpsBot.Functions.Slack.Signing;

namespace OpsBot.Functions.Tests.Slack;

/// <summary>Refused requests become an embedded metric with one sampled reason, at most one line per interval.</summary>
public sealed class RejectedRequestSignalTests
{
    [Fact]
    public void The_first_refusal_is_written_at_once_as_an_embedded_metric_with_its_reason()
    {
        var log = new StringWriter();
        var clock = new VirtualClock(DateTimeOffset.Parse("2026-12-02T20:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var signal = new RejectedRequestSignal(log, clock);

        signal.Rejected("SignatureMismatch", "signature rejected (SignatureMismatch): the signature does not match");

        var line = Assert.Single(Lines(log));
        var aws = line.GetProperty("_aws");
        Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds(), aws.GetProperty("Timestamp").GetInt64());
        var directive = Assert.Single(aws.GetProperty("CloudWatchMetrics").EnumerateArray());
        Assert.Equal("OpsBot", directive.GetProperty("Namespace").GetString());
        Assert.Equal(RejectedRequestSignal.MetricName, Assert.Single(directive.GetProperty("Metrics").EnumerateArray()).GetProperty("Name").GetString());
        Assert.Equal(1, line.GetProperty(RejectedRequestSignal.MetricName).GetInt32());
        Assert.Equal("SignatureMismatch", line.GetProperty("rejection").GetString());
        Assert.Contains("the signature does not match", line.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_flood_is_written_once_per_interval_and_every_refusal_is_counted()
    {
        var log = new StringWriter();
        var clock = new VirtualClock(DateTimeOffset.UtcNow);
        var signal = new RejectedRequestSignal(log, clock);

        for (var i = 0; i < 500; i++)
        {
            signal.Rejected("SignatureMismatch", $"request {i}");
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        // 50 s of refusals: the first line, then nothing until a minute has passed.
        Assert.Single(Lines(log));
        clock.Advance(TimeSpan.FromSeconds(10));
        signal.Rejected("StaleTimestamp", "request 500");

        var lines = Lines(log);
        Assert.Equal(2, lines.Count);
        Assert.Equal(500, lines[1].GetProperty(RejectedRequestSignal.MetricName).GetInt32());
        Assert.StartsWith("500 Slack requests refused since the last line; this one: request 500", lines[1].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(501, lines.Sum(l => l.GetProperty(RejectedRequestSignal.MetricName).GetInt32()));
        Assert.Equal(501, signal.Total);
    }

    [Fact]
    public void The_interval_can_be_set()
    {
        var log = new StringWriter();
        var clock = new VirtualClock(DateTimeOffset.UtcNow);
        var signal = new RejectedRequestSignal(log, clock, TimeSpan.FromSeconds(5));

        signal.Rejected("MissingSignature", "a");
        clock.Advance(TimeSpan.FromSeconds(5));
        signal.Rejected("MissingSignature", "b");

        Assert.Equal(2, Lines(log).Count);
    }

    private static List<JsonElement> Lines(StringWriter log) =>
        [.. log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
}
