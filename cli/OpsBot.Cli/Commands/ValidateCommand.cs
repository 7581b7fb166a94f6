using System.CommandLine;
using OpsBot.Rules.Policies;

namespace OpsBot.Cli.Commands;

/// <summary><c>opsbot validate [PATH...]</c>: loads every policy and prints each problem as file:line:col: message.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = PolicyPaths.Argument();
        var command = new Command("validate", "Load every policy and report each problem as file:line:col: message.") { paths };
        command.SetAction(result =>
        {
            PolicyLoadResult loaded;
            try
            {
                loaded = new PolicyLoader().Load(PolicyPaths.RequireExisting(PolicyPaths.Resolve(result.GetValue(paths))));
            }
            catch (InputFileException ex)
            {
                error.WriteLine($"error: {ex.Message}");
                return ExitCodes.BadInput;
            }

            foreach (var problem in loaded.Errors)
            {
                error.WriteLine(problem);
            }

            if (!loaded.IsValid)
            {
                error.WriteLine($"{loaded.Errors.Count} problem(s) found");
                return ExitCodes.Failed;
            }

            output.WriteLine($"{loaded.Policies.Count} policies valid: {string.Join(", ", loaded.Policies.Select(p => p.Id))}");
            return ExitCodes.Success;
        });
        return command;
    }
}
