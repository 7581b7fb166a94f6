using System.CommandLine;
using OpsBot.Cli.Output;
using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Events;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Policies;

namespace OpsBot.Cli.Commands;

/// <summary>
/// <c>opsbot eval --policies DIR --event FILE --state FILE [RULES_FILE] [--json]</c>: the decisions for one
/// event against saved describe output, with the explanation.
/// </summary>
internal static class EvalCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var policiesOption = new Option<string>("--policies") { Description = "Policy folder or file.", DefaultValueFactory = _ => PolicyPaths.DefaultFolder };
        var eventOption = new Option<string>("--event") { Description = "Event JSON: EventBridge envelope, SQS message or CloudTrail record.", Required = true };
        var stateOption = new Option<string[]>("--state")
        {
            Description = "Output of 'aws ec2 describe-security-groups', optionally followed by that of 'aws ec2 describe-security-group-rules' (for rule ids).",
            Required = true,
            Arity = new ArgumentArity(1, 2),
            AllowMultipleArgumentsPerToken = true,
        };
        var jsonOption = new Option<bool>("--json") { Description = "Print the decisions as JSON." };
        var command = new Command("eval", "Evaluate one event against saved resource state and explain the decisions.")
        {
            policiesOption, eventOption, stateOption, jsonOption,
        };
        command.SetAction(async (result, _) =>
        {
            try
            {
                var policies = new PolicyLoader().LoadSet([result.GetValue(policiesOption)!]);
                var cloudTrailEvent = CloudTrailEventReader.Read(ReadInput(result.GetValue(eventOption)!, "event"));
                var stateFiles = result.GetValue(stateOption)!;
                var state = SecurityGroupStateReader.Read(
                    ReadInput(stateFiles[0], "state"),
                    stateFiles.Length > 1 ? ReadInput(stateFiles[1], "rules") : null);
                var evaluation = await new SnapshotEvaluator(policies).EvaluateAsync(cloudTrailEvent, state);
                if (result.GetValue(jsonOption))
                {
                    output.WriteLine(EvaluationJson.Write(evaluation));
                }
                else
                {
                    EvaluationText.Write(evaluation, output);
                }

                return ExitCodes.Success;
            }
            catch (PolicyLoadException ex)
            {
                error.WriteLine(ex.Message);
                return ExitCodes.Failed;
            }
            catch (Exception ex) when (ex is InputFileException or MalformedEventException or StateFormatException or PolicyEvaluationException)
            {
                error.WriteLine($"error: {ex.Message}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    private static string ReadInput(string path, string what)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException($"cannot read {what} file '{path}': {(ex is FileNotFoundException or DirectoryNotFoundException ? "no such file" : ex.Message)}");
        }
    }
}
