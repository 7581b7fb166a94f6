using System.Text.Json;
using OpsBot.Functions.Observability;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Tests.Observability;

/// <summary>
/// The function log as CloudWatch would receive it: a real <see cref="OutcomeObserver"/> writing to a
/// captured writer, read back line by line. Embedded-metric lines are checked against the format (every
/// metric the directive declares has a value, every dimension it names is present) before they are summed.
/// </summary>
internal sealed class EmittedTelemetry(PolicySet policies)
{
    private readonly StringWriter _log = new();

    public OutcomeObserver Observer => field ??= OutcomeObserver.To(_log, policies, TimeProvider.System, "event-handler");

    /// <summary>Every line written, each parsed as one JSON object (a line that is not one fails the test).</summary>
    public IReadOnlyList<JsonElement> Lines()
    {
        string text;
        lock (_log)
        {
            text = _log.ToString();
        }

        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    /// <summary>The structured log lines (not the metric lines).</summary>
    public IReadOnlyList<JsonElement> LogLines() => [.. Lines().Where(l => !l.TryGetProperty("_aws", out _))];

    /// <summary>The embedded-metric lines, validated.</summary>
    public IReadOnlyList<JsonElement> MetricLines()
    {
        var lines = Lines().Where(l => l.TryGetProperty("_aws", out _)).ToList();
        foreach (var line in lines)
        {
            var directive = Assert.Single(line.GetProperty("_aws").GetProperty("CloudWatchMetrics").EnumerateArray());
            Assert.Equal(OutcomeMetricNames.Namespace, directive.GetProperty("Namespace").GetString());
            Assert.True(line.GetProperty("_aws").GetProperty("Timestamp").GetInt64() > 0);
            foreach (var dimension in directive.GetProperty("Dimensions").EnumerateArray().SelectMany(set => set.EnumerateArray()))
            {
                Assert.Equal(JsonValueKind.String, line.GetProperty(dimension.GetString()!).ValueKind);
            }

            foreach (var metric in directive.GetProperty("Metrics").EnumerateArray())
            {
                Assert.Equal(JsonValueKind.Number, line.GetProperty(metric.GetProperty("Name").GetString()!).ValueKind);
            }
        }

        return lines;
    }

    /// <summary>The sum of <paramref name="metric"/> over the metric lines of <paramref name="policy"/>.</summary>
    public double Sum(string policy, string metric) =>
        Of(policy).Where(l => Declares(l, metric)).Sum(l => l.GetProperty(metric).GetDouble());

    /// <summary>The sum of <paramref name="metric"/> over the metric lines of <paramref name="policy"/> for event <paramref name="eventId"/>.</summary>
    public double Sum(string eventId, string policy, string metric) =>
        Of(policy).Where(l => l.GetProperty("eventId").GetString() == eventId && Declares(l, metric)).Sum(l => l.GetProperty(metric).GetDouble());

    /// <summary>Every value of <paramref name="metric"/> written for <paramref name="policy"/>.</summary>
    public IReadOnlyList<double> Values(string policy, string metric) =>
        [.. Of(policy).Where(l => Declares(l, metric)).Select(l => l.GetProperty(metric).GetDouble())];

    /// <summary>The policies some metric line names.</summary>
    public IReadOnlySet<string> Policies() =>
        MetricLines().Where(l => l.TryGetProperty(OutcomeMetricNames.PolicyDimension, out _)).Select(l => l.GetProperty(OutcomeMetricNames.PolicyDimension).GetString()!).ToHashSet(StringComparer.Ordinal);

    private IEnumerable<JsonElement> Of(string policy) =>
        MetricLines().Where(l => l.TryGetProperty(OutcomeMetricNames.PolicyDimension, out var p) && p.GetString() == policy);

    private static bool Declares(JsonElement line, string metric) =>
        line.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Metrics").EnumerateArray().Any(m => m.GetProperty("Name").GetString() == metric);
}
