using System.Text;
using System.Text.Json;

namespace OpsBot.Functions.Observability;

/// <summary>
/// <see cref="IOutcomeMetrics"/> as CloudWatch embedded metric format lines on the function's log, one
/// line per event and policy, carrying every outcome metric of <see cref="OutcomeMetricNames"/> under
/// two dimension sets: <c>Policy, ResourceType</c> (the dashboard's per-policy graphs) and none (the
/// totals template.yaml's alarms watch). Like the delivery metrics, no API call: a metric is never
/// lost to the outage it reports.
/// </summary>
/// <param name="log">The function log.</param>
/// <param name="clock">The clock (the metrics' timestamp).</param>
public sealed class EmbeddedMetricOutcomeMetrics(TextWriter log, TimeProvider clock) : IOutcomeMetrics
{
    /// <inheritdoc />
    public void Outcome(string eventId, PolicyOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var values = new List<(string Name, string Unit, double Value)>
        {
            (OutcomeMetricNames.Events, "Count", outcome.Events),
            (OutcomeMetricNames.Matched, "Count", outcome.Matched),
            (OutcomeMetricNames.Remediated, "Count", outcome.Remediated),
            (OutcomeMetricNames.Held, "Count", outcome.Held),
            (OutcomeMetricNames.Failed, "Count", outcome.Failed),
        };
        if (outcome.LatencyMilliseconds is { } latency)
        {
            values.Add((OutcomeMetricNames.RemediationLatency, "Milliseconds", latency));
        }

        Write(eventId, outcome.Policy, outcome.ResourceType, values);
    }

    /// <inheritdoc />
    public void AnnouncementFailed(string eventId, string? policy, string? resourceType) =>
        Write(eventId, policy, resourceType, [(OutcomeMetricNames.AnnouncementsFailed, "Count", 1)]);

    private void Write(string eventId, string? policy, string? resourceType, IReadOnlyList<(string Name, string Unit, double Value)> values)
    {
        if (ReferenceEquals(log, TextWriter.Null))
        {
            return;
        }

        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", clock.GetUtcNow().ToUnixTimeMilliseconds());
            json.WriteStartArray("CloudWatchMetrics");
            json.WriteStartObject();
            json.WriteString("Namespace", OutcomeMetricNames.Namespace);
            json.WriteStartArray("Dimensions");
            if (policy is not null)
            {
                json.WriteStartArray();
                json.WriteStringValue(OutcomeMetricNames.PolicyDimension);
                json.WriteStringValue(OutcomeMetricNames.ResourceTypeDimension);
                json.WriteEndArray();
            }

            json.WriteStartArray();
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            foreach (var (name, unit, _) in values)
            {
                json.WriteStartObject();
                json.WriteString("Name", name);
                json.WriteString("Unit", unit);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            if (policy is not null)
            {
                json.WriteString(OutcomeMetricNames.PolicyDimension, policy);
                json.WriteString(OutcomeMetricNames.ResourceTypeDimension, resourceType ?? "");
            }

            foreach (var (name, _, value) in values)
            {
                json.WriteNumber(name, value);
            }

            json.WriteString("eventId", eventId);
            json.WriteEndObject();
        }

        lock (log)
        {
            log.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
            log.Flush();
        }
    }
}
