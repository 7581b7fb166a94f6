using System.Text;
using System.Text.Json;
using OpsBot.Rules.Replay;

namespace OpsBot.Cli.Output;

/// <summary>
/// The replay report as JSON: <c>{"events","evaluated","skipped":{reason:n},"errors":[…],
/// "policies":[{"policy","mode","triggered","matched","acted","held","notified"}],"neverFired":[…]}</c>.
/// </summary>
internal static class ReplayReportJson
{
    public static string Write(ReplayReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("events", report.Events);
            json.WriteNumber("evaluated", report.Evaluated);
            json.WriteStartObject("skipped");
            foreach (var (reason, count) in report.Skipped)
            {
                json.WriteNumber(reason, count);
            }

            json.WriteEndObject();
            json.WriteStartArray("errors");
            foreach (var problem in report.Errors)
            {
                json.WriteStringValue(problem);
            }

            json.WriteEndArray();
            json.WriteStartArray("policies");
            foreach (var p in report.Policies)
            {
                json.WriteStartObject();
                json.WriteString("policy", p.PolicyId);
                json.WriteString("mode", p.Mode);
                json.WriteNumber("triggered", p.Triggered);
                json.WriteNumber("matched", p.Matched);
                json.WriteNumber("acted", p.Acted);
                json.WriteNumber("held", p.Held);
                json.WriteNumber("notified", p.Notified);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("neverFired");
            foreach (var p in report.NeverFired)
            {
                json.WriteStringValue(p.PolicyId);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
