using OpsBot.Rules.Replay;

namespace OpsBot.Cli.Output;

/// <summary>The replay report as a table per policy, the skips, the errors and the policies that never fired.</summary>
internal static class ReplayReportText
{
    public static void Write(ReplayReport report, TextWriter output)
    {
        output.WriteLine($"{report.Events} event(s) read, {report.Evaluated} evaluated (decided on what each event requested)");
        var width = Math.Max("policy".Length, report.Policies.Select(p => p.PolicyId.Length).DefaultIfEmpty(0).Max());
        output.WriteLine($"{"policy".PadRight(width)}  {"mode",-7} {"triggered",9} {"matched",7} {"acted",5} {"held",4} {"notified",8}");
        foreach (var p in report.Policies)
        {
            output.WriteLine($"{p.PolicyId.PadRight(width)}  {p.Mode,-7} {p.Triggered,9} {p.Matched,7} {p.Acted,5} {p.Held,4} {p.Notified,8}");
        }

        foreach (var (reason, count) in report.Skipped)
        {
            output.WriteLine($"skipped {count}: {reason}");
        }

        foreach (var problem in report.Errors)
        {
            output.WriteLine($"error: {problem}");
        }

        var never = report.NeverFired.Select(p => p.PolicyId).ToList();
        output.WriteLine(never.Count == 0 ? "coverage: every policy fired at least once" : $"never fired ({never.Count}): {string.Join(", ", never)}");
    }
}
