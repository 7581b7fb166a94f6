using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OpsBot.Functions.Outbox;

/// <summary>
/// <see cref="IDeliveryMetrics"/> as CloudWatch embedded metric format lines on the function's log:
/// Lambda ships them to CloudWatch Logs, which turns them into metrics in the <c>OpsBot</c> namespace
/// (<c>AnnouncementsGivenUp</c>, <c>StuckClaims</c>) that template.yaml's alarms watch. No API call, so
/// a signal is never lost to the very outage it reports.
/// </summary>
public sealed class EmbeddedMetricDeliveryMetrics(TextWriter log, TimeProvider clock) : IDeliveryMetrics
{
    /// <summary>The metric namespace.</summary>
    public const string Namespace = "OpsBot";

    /// <inheritdoc />
    public void AnnouncementGivenUp(string eventId, string announcementId, string error) =>
        Write("AnnouncementsGivenUp", 1, ("eventId", eventId), ("announcementId", announcementId), ("error", error));

    /// <inheritdoc />
    public void StuckClaims(int count) => Write("StuckClaims", count);

    private void Write(string metric, int value, params (string Name, string Value)[] properties)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", clock.GetUtcNow().ToUnixTimeMilliseconds());
            json.WriteStartArray("CloudWatchMetrics");
            json.WriteStartObject();
            json.WriteString("Namespace", Namespace);
            json.WriteStartArray("Dimensions");
            json.WriteStartArray();
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            json.WriteStartObject();
            json.WriteString("Name", metric);
            json.WriteString("Unit", "Count");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteNumber(metric, value);
            foreach (var (name, text) in properties)
            {
                json.WriteString(name, text);
            }

            json.WriteEndObject();
        }

        lock (log)
        {
            log.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
            log.Flush();
        }
    }
}
