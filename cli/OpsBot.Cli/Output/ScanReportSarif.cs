using System.Text.Json;
using OpsBot.Cli.Scan;
using OpsBot.Rules.Policies;

namespace OpsBot.Cli.Output;

/// <summary>
/// The scan report as a minimal SARIF 2.1.0 log, for code-scanning dashboards: one run whose tool
/// is <c>opsbot</c> with the evaluated policies as rules, and one result per finding, located by a
/// logical location that names the resource (an inventory has no source file to point at).
/// </summary>
internal static class ScanReportSarif
{
    /// <summary>The SARIF version written.</summary>
    public const string Version = "2.1.0";

    private const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    public static void Write(ScanReport report, Stream output)
    {
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("$schema", Schema);
        json.WriteString("version", Version);
        json.WriteStartArray("runs");
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "opsbot");
        json.WriteStartArray("rules");
        foreach (var policy in report.Policies)
        {
            ruleIndex[policy.Id] = ruleIndex.Count;
            json.WriteStartObject();
            json.WriteString("id", policy.Id);
            WriteText(json, "shortDescription", policy.Title);
            if (policy.Description.Length > 0)
            {
                WriteText(json, "fullDescription", policy.Description.Trim());
            }

            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(policy.Severity));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("results");
        foreach (var finding in report.Findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.Policy.Id);
            json.WriteNumber("ruleIndex", ruleIndex[finding.Policy.Id]);
            json.WriteString("level", Level(finding.Policy.Severity));
            WriteText(json, "message", $"{finding.ResourceId}: {finding.Policy.Title}: {string.Join("; ", finding.Matches)}");
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("name", finding.ResourceId);
            json.WriteString("fullyQualifiedName", FullyQualifiedName(finding));
            json.WriteString("kind", "resource");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The SARIF level of a severity: critical and high are errors, medium a warning, low and info notes.</summary>
    public static string Level(PolicySeverity severity) => severity switch
    {
        PolicySeverity.Critical or PolicySeverity.High => "error",
        PolicySeverity.Medium => "warning",
        _ => "note",
    };

    // account/region/resource, leaving out what was not given, so that the same group id in two
    // accounts stays two locations.
    private static string FullyQualifiedName(ScanFinding finding) =>
        string.Join("/", new[] { finding.Account, finding.Region, finding.ResourceId }.Where(p => p.Length > 0));

    private static void WriteText(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }
}
