using System.CommandLine;
using OpsBot.Rules.Policies;

namespace OpsBot.Cli.Commands;

/// <summary>
/// <c>opsbot validate [PATH...]</c>: loads every policy and prints each problem as file:line:col: message,
/// and each warning as file:line:col: warning: message (warnings alone do not fail the command).
/// </summary>
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

            var findings = loaded.Warnings.Select(w => (w.Location, Text: w.ToString()))
                .Concat(loaded.Errors.Select(e => (e.Location, Text: e.ToString())))
                .OrderBy(f => f.Location.File, StringComparer.Ordinal).ThenBy(f => f.Location.Line).ThenBy(f => f.Location.Column);
            foreach (var (_, text) in findings)
            {
                error.WriteLine(text);
            }

            if (!loaded.IsValid)
            {
                error.WriteLine($"{loaded.Errors.Count} problem(s) found");
                return ExitCodes.Failed;
            }

            var warned = loaded.Warnings.Count == 0 ? "" : $" ({loaded.Warnings.Count} warning(s))";
            output.WriteLine($"{loaded.Policies.Count} policies valid{warned}: {string.Join(", ", loaded.Policies.Select(p => p.Id))}");
            return ExitCodes.Success;
        });
        return command;
    }
}
