using System.CommandLine;
using OpsBot.Rules.Schema;

namespace OpsBot.Cli.Commands;

/// <summary><c>opsbot schema</c>: prints the policy JSON Schema generated from the model and the action registry.</summary>
internal static class SchemaCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("schema", "Print the JSON Schema of policy files (for editor completion).");
        command.SetAction(_ =>
        {
            output.WriteLine(PolicySchemaGenerator.Generate());
            return ExitCodes.Success;
        });
        return command;
    }
}
