using System.Diagnostics;

namespace OpsBot.Cli.Local;

/// <summary>Prints what happens, one line per step, with the time since the start.</summary>
public sealed class Timeline(TextWriter output)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Prints a step.</summary>
    public void Step(string actor, string text) => output.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.00}s] {actor,-8} {text}");

    /// <summary>Prints a detail line under the last step.</summary>
    public void Detail(string text) => output.WriteLine($"{"",18}{text}");
}
