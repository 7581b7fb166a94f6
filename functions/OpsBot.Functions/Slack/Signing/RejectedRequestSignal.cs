using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OpsBot.Functions.Slack.Signing;

/// <summary>
/// What a request refused before its Slack signature was verified leaves behind: no table write (the
/// endpoint is public, so anyone could otherwise fill the table), only a count. The count goes out as
/// the CloudWatch embedded-metric line <c>OpsBot/SlackSignatureRejected</c>, which also carries one
/// sampled request's reason, at most once per <see cref="SampleInterval"/>: the first refusal at once,
/// the ones after it summed into the next line. template.yaml alarms on the metric.
/// </summary>
/// <remarks>
/// Refusals counted after the last line are written with the next one; a sandbox that is recycled
/// before another refusal arrives loses them, which a flood (the case the alarm is for) never does.
/// </remarks>
/// <param name="log">The function log (Lambda ships it to CloudWatch Logs, which extracts the metric).</param>
/// <param name="clock">The clock.</param>
/// <param name="sampleInterval">At most one line per this interval; null for <see cref="DefaultSampleInterval"/>.</param>
public sealed class RejectedRequestSignal(TextWriter log, TimeProvider clock, TimeSpan? sampleInterval = null)
{
    /// <summary>The metric's name in the <c>OpsBot</c> namespace.</summary>
    public const string MetricName = "SlackSignatureRejected";

    /// <summary>One line a minute unless configured otherwise.</summary>
    public static readonly TimeSpan DefaultSampleInterval = TimeSpan.FromMinutes(1);

    private readonly object _gate = new();
    private DateTimeOffset? _lastWritten;
    private int _unwritten;
    private long _total;

    /// <summary>The sampling interval in force.</summary>
    public TimeSpan SampleInterval { get; } = sampleInterval ?? DefaultSampleInterval;

    /// <summary>Every refusal counted since start.</summary>
    public long Total
    {
        get
        {
            lock (_gate)
            {
                return _total;
            }
        }
    }

    /// <summary>Counts one refused request; writes the metric line (with <paramref name="reason"/> as the sample) when one is due.</summary>
    /// <param name="rejection">The kind of refusal, e.g. <c>SignatureMismatch</c> or <c>MethodNotAllowed</c>.</param>
    /// <param name="reason">A sentence about this request (never the secret or the expected signature).</param>
    public void Rejected(string rejection, string reason)
    {
        string? line = null;
        lock (_gate)
        {
            _total++;
            _unwritten++;
            var now = clock.GetUtcNow();
            if (_lastWritten is not { } last || now - last >= SampleInterval)
            {
                line = Line(now, _unwritten, rejection, reason);
                _lastWritten = now;
                _unwritten = 0;
            }
        }

        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
                log.Flush();
            }
        }
    }

    private static string Line(DateTimeOffset now, int count, string rejection, string reason)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", now.ToUnixTimeMilliseconds());
            json.WriteStartArray("CloudWatchMetrics");
            json.WriteStartObject();
            json.WriteString("Namespace", Outbox.EmbeddedMetricDeliveryMetrics.Namespace);
            json.WriteStartArray("Dimensions");
            json.WriteStartArray();
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            json.WriteStartObject();
            json.WriteString("Name", MetricName);
            json.WriteString("Unit", "Count");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteNumber(MetricName, count);
            json.WriteString("message", count == 1
                ? $"Slack request refused: {reason}"
                : $"{count.ToString(CultureInfo.InvariantCulture)} Slack requests refused since the last line; this one: {reason}");
            json.WriteString("rejection", rejection);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
