using System.CommandLine;
using OpsBot.Cli.Commands;

namespace OpsBot.Cli;

/// <summary>The <c>opsbot</c> command line: one place that wires the verbs.</summary>
internal static class OpsBotCli
{
    /// <summary>Runs <paramref name="args"/>, writing to the given writers; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("OpsBot: policy-as-code security remediation for AWS.")
        {
            ValidateCommand.Create(output, error),
            TestCommand.Create(output, error),
            EvalCommand.Create(output, error),
            SchemaCommand.Create(output),
            RunLocalCommand.Create(output, error),
            DemoCommand.Create(output, error),
        };
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return await root.Parse(args).InvokeAsync(configuration);
    }
}
