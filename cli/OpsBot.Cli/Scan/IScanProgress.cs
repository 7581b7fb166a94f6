namespace OpsBot.Cli.Scan;

/// <summary>Shows how far a live scan is, one step per (account, region).</summary>
internal interface IScanProgress
{
    /// <summary>Runs <paramref name="work"/>, which calls the step action before each of its <paramref name="steps"/> steps with what it reads next.</summary>
    Task RunAsync(int steps, Func<Action<string>, Task> work);
}
