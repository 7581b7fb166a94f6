using System.CommandLine;
using OpsBot.Cli.Commands;

namespace OpsBot.Cli;

/// <summary>The <c>opsbot</c> command line: one place that wires the verbs.</summary>
internal static class OpsBotCli
{
    /// <summary>Runs <paramref name="args"/>, writing to the given writers; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        RunAsync(args, Console.OpenStandardInput(), output, error);

    /// <summary>Runs <paramref name="args"/> with <paramref name="input"/> as standard input (what <c>-</c> names).</summary>
    public static async Task<int> RunAsync(string[] args, Stream input, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("OpsBot: policy-as-code security remediation for AWS.")
        {
            ValidateCommand.Create(output, error),
            TestCommand.Create(output, error),
            EvalCommand.Create(input, output, error),
            SchemaCommand.Create(output),
            RunLocalCommand.Create(output, error),
            DemoCommand.Create(output, error),
            ReplayCommand.Create(input, output, error),
            ScanCommand.Create(input, output, error),
            BrakesCommand.Create(output, error),
            HoldsCommand.Create(output, error),
        };
        if (args.Length == 0)
        {
            await root.Parse(["--help"]).InvokeAsync(new InvocationConfiguration { Output = error, Error = error });
            return ExitCodes.BadInput;
        }

        var parse = root.Parse(args);
        if (UsageErrors.First(parse) is { } problem)
        {
            error.WriteLine($"error: {problem}");
            return ExitCodes.BadInput;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }
}
