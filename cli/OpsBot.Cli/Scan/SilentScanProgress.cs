namespace OpsBot.Cli.Scan;

/// <summary>No progress shown: standard error is redirected (a file, a pipe, a test), where a bar would be noise.</summary>
internal sealed class SilentScanProgress : IScanProgress
{
    /// <inheritdoc />
    public Task RunAsync(int steps, Func<Action<string>, Task> work) => work(_ => { });
}
