using System.Text;

namespace OpsBot.Cli.Tests;

/// <summary>Runs the opsbot command line in-process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static Task<CliRun> Of(params string[] args) => WithInput([], args);

    /// <summary>Runs with <paramref name="input"/> as standard input.</summary>
    public static Task<CliRun> WithInput(string input, params string[] args) => WithInput(Encoding.UTF8.GetBytes(input), args);

    /// <summary>Runs with <paramref name="input"/> as the bytes on standard input.</summary>
    public static async Task<CliRun> WithInput(byte[] input, params string[] args)
    {
        using var stdin = new MemoryStream(input);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await OpsBotCli.RunAsync(args, stdin, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
