using System.Text;
using System.Text.Json;
using OpsBot.Functions.Outbox;

namespace OpsBot.Functions.Brakes;

/// <summary>
/// <see cref="IBrakeMetrics"/> as a CloudWatch embedded metric format line on the function's log: the
/// metric <c>CircuitBreakerTripped</c> in the <c>OpsBot</c> namespace, which template.yaml's alarm watches.
/// </summary>
public sealed class EmbeddedMetricBrakeMetrics(TextWriter log, TimeProvider clock) : IBrakeMetrics
{
    /// <summary>The metric's name.</summary>
    public const string BreakerMetric = "CircuitBreakerTripped";

    /// <inheritdoc />
    public void BreakerTripped(string reason)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", clock.GetUtcNow().ToUnixTimeMilliseconds());
            json.WriteStartArray("CloudWatchMetrics");
            json.WriteStartObject();
            json.WriteString("Namespace", EmbeddedMetricDeliveryMetrics.Namespace);
            json.WriteStartArray("Dimensions");
            json.WriteStartArray();
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            json.WriteStartObject();
            json.WriteString("Name", BreakerMetric);
            json.WriteString("Unit", "Count");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteNumber(BreakerMetric, 1);
            json.WriteString("reason", reason);
            json.WriteEndObject();
        }

        lock (log)
        {
            log.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
            log.Flush();
        }
    }
}
