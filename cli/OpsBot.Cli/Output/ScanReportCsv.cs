using System.Globalization;
using OpsBot.Cli.Scan;

namespace OpsBot.Cli.Output;

/// <summary>
/// The scan report as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break in
/// quotes, quotes doubled): a header, then one row per finding; the matched elements share one
/// field, separated by <c>"; "</c>.
/// </summary>
internal static class ScanReportCsv
{
    /// <summary>The header row's fields.</summary>
    public static readonly string[] Header = ["severity", "policy", "resource", "account", "region", "matched", "matches"];

    public static void Write(ScanReport report, TextWriter output)
    {
        WriteRow(output, Header);
        foreach (var finding in report.Findings)
        {
            WriteRow(output,
            [
                finding.Severity,
                finding.Policy.Id,
                finding.ResourceId,
                finding.Account,
                finding.Region,
                finding.Matches.Count.ToString(CultureInfo.InvariantCulture),
                string.Join("; ", finding.Matches),
            ]);
        }
    }

    /// <summary><paramref name="field"/> quoted when RFC 4180 requires it.</summary>
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static void WriteRow(TextWriter output, IEnumerable<string> fields)
    {
        output.Write(string.Join(",", fields.Select(Quote)));
        output.Write("\r\n");
    }
}
