using Spectre.Console;

namespace OpsBot.Cli.Scan;

/// <summary>A progress bar on standard error, cleared when the scan ends, so the report on standard output stays clean.</summary>
internal sealed class TerminalScanProgress : IScanProgress
{
    /// <summary>The bar when standard error is a terminal, otherwise nothing.</summary>
    public static IScanProgress ForConsole() => Console.IsErrorRedirected ? new SilentScanProgress() : new TerminalScanProgress();

    /// <inheritdoc />
    public async Task RunAsync(int steps, Func<Action<string>, Task> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        await console.Progress().AutoClear(true).StartAsync(async context =>
        {
            var bar = context.AddTask("scanning", maxValue: Math.Max(1, steps));
            var started = false;
            await work(label =>
            {
                if (started)
                {
                    bar.Increment(1);
                }

                started = true;
                bar.Description = Markup.Escape(label);
            });
            bar.Value = bar.MaxValue;
        });
    }
}
