using System.Text.Json;
using OpsBot.Cli.Scan;

namespace OpsBot.Cli.Output;

/// <summary>
/// The scan report as JSON: <c>{"findings":[{"policy","resource","account","region","severity",
/// "matches":[…],"explanation":[…]}],"summary":{"resources","findings","bySeverity":{severity:n}}}</c>.
/// </summary>
internal static class ScanReportJson
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/>, unindented (an inventory's findings can be many).</summary>
    public static void Write(ScanReport report, Stream output)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            json.WriteStartObject();
            json.WriteString("policy", finding.Policy.Id);
            json.WriteString("resource", finding.ResourceId);
            json.WriteString("account", finding.Account);
            json.WriteString("region", finding.Region);
            json.WriteString("severity", finding.Severity);
            WriteStrings(json, "matches", finding.Matches);
            WriteStrings(json, "explanation", finding.Explanation);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("summary");
        json.WriteNumber("resources", report.Resources);
        json.WriteNumber("findings", report.Findings.Count);
        json.WriteStartObject("bySeverity");
        foreach (var (severity, count) in report.BySeverity)
        {
            json.WriteNumber(severity, count);
        }

        json.WriteEndObject();
        if (report.Failures.Count > 0)
        {
            WriteStrings(json, "failed", [.. report.Failures.Select(f => f.ToString())]);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
