using System.Globalization;
using OpsBot.Cli.Scan;

namespace OpsBot.Cli.Output;

/// <summary>
/// The scan report for a terminal: one aligned line per finding (severity, policy, resource, how
/// many elements matched), then <c>N finding(s) in M resource(s)</c> with the count per severity.
/// </summary>
internal static class ScanReportTable
{
    public static void Write(ScanReport report, TextWriter output)
    {
        if (report.Findings.Count > 0)
        {
            var policyWidth = Math.Max("POLICY".Length, report.Findings.Max(f => f.Policy.Id.Length));
            var resourceWidth = Math.Max("RESOURCE".Length, report.Findings.Max(f => f.ResourceId.Length));
            output.WriteLine($"{"SEVERITY",-9} {"POLICY".PadRight(policyWidth)} {"RESOURCE".PadRight(resourceWidth)} MATCHES");
            foreach (var finding in report.Findings)
            {
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{finding.Severity,-9} {finding.Policy.Id.PadRight(policyWidth)} {finding.ResourceId.PadRight(resourceWidth)} {finding.Matches.Count}"));
            }
        }

        var bySeverity = report.BySeverity.Count == 0
            ? ""
            : $" ({string.Join(", ", report.BySeverity.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Severity}: {s.Count}")))})";
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{report.Findings.Count} finding(s) in {report.Resources} resource(s){bySeverity}"));
        foreach (var failure in report.Failures)
        {
            output.WriteLine($"not scanned: {failure}");
        }
    }
}
