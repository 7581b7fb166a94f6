using System.Globalization;

namespace OpsBot.ColdStart;

/// <summary>Prints the runs and a min / median / max table per build, in Markdown so it can go into docs/benchmarks.md as is.</summary>
internal static class ColdStartReport
{
    public static void Write(TextWriter output, IReadOnlyList<ColdStartRun> runs)
    {
        output.WriteLine("| Build | Runs | Start -> response posted, ms (min / median / max) | Start -> first /next (init), ms (min / median / max) | Peak RSS, MiB (min / median / max) |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var build in runs.GroupBy(r => r.Build))
        {
            var rss = build.Where(r => r.PeakRssMiB is not null).Select(r => r.PeakRssMiB!.Value).ToList();
            output.WriteLine($"| {build.Key} | {build.Count()} | {Spread([.. build.Select(r => r.TotalMs)])} | {Spread([.. build.Select(r => r.InitMs)])} | {(rss.Count == 0 ? "n/a" : Spread(rss))} |");
        }
    }

    public static void WriteRun(TextWriter output, ColdStartRun run, bool warmUp) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(warmUp ? "warm-up (not counted)" : "run")} {run.Build}: init {run.InitMs:F0} ms, response {run.TotalMs:F0} ms, peak RSS {run.PeakRssMiB:F1} MiB"));

    /// <summary>Prints a recorded run's AWS calls: the count, then each call in order.</summary>
    public static void WriteCalls(TextWriter output, ColdStartRun run)
    {
        if (run.Calls is not { } calls)
        {
            return;
        }

        output.WriteLine($"{run.Build}: {calls.Count} AWS calls in the invocation (moto's recorder, warm-up run):");
        foreach (var (call, i) in calls.Select((c, i) => (c, i)))
        {
            output.WriteLine($"  {i + 1,2}. {call}");
        }
    }

    private static string Spread(List<double> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        var median = values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        return string.Create(CultureInfo.InvariantCulture, $"{values[0]:F0} / {median:F0} / {values[^1]:F0}");
    }
}
