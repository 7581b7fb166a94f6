namespace OpsBot.Cli.Tests;

/// <summary>Runs the opsbot command line in-process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await OpsBotCli.RunAsync(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
