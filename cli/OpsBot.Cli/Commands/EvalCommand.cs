using System.CommandLine;
using OpsBot.Cli.Output;
using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Events;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Resources;

namespace OpsBot.Cli.Commands;

/// <summary>
/// <c>opsbot eval --policies DIR --event FILE --state FILE [RULES_FILE] [--json]</c>: the decisions for
/// each event in FILE (one event, or a CloudTrail export of several) against saved describe output,
/// with the explanation.
/// </summary>
internal static class EvalCommand
{
    public static Command Create(Stream standardInput, TextWriter output, TextWriter error)
    {
        var policiesOption = new Option<string>("--policies") { Description = "Policy folder or file.", DefaultValueFactory = _ => PolicyPaths.DefaultFolder };
        var eventOption = new Option<string>("--event")
        {
            Description = "Event JSON ('-': standard input): EventBridge envelope, SQS message, CloudTrail record, 'aws cloudtrail lookup-events' output or a CloudTrail log file (.json or .json.gz).",
            Required = true,
        };
        var stateOption = new Option<string[]>("--state")
        {
            Description = "The saved state of the events' resource type ('-': standard input), in the shape the AWS CLI prints: "
                + string.Join("; ", ResourceTypeRegistry.Default.All.Select(t => $"{t.Name}: {t.StateDocument}")) + ".",
            Required = true,
            Arity = new ArgumentArity(1, 2),
            AllowMultipleArgumentsPerToken = true,
        };
        var jsonOption = new Option<bool>("--json") { Description = "Print the decisions as JSON (an array when the input holds several events)." };
        var command = new Command("eval", "Evaluate events against saved resource state and explain the decisions.")
        {
            policiesOption, eventOption, stateOption, jsonOption,
        };
        command.SetAction(async (result, _) =>
        {
            var inputs = new InputFiles(standardInput);
            try
            {
                var policies = new PolicyLoader().LoadSet(PolicyPaths.RequireExisting([result.GetValue(policiesOption)!]));
                var events = ReadEvents(inputs, result.GetValue(eventOption)!);
                var stateFiles = result.GetValue(stateOption)!;
                var state = ReadState(inputs, ResourceTypeOf(events, policies), stateFiles[0], stateFiles.Length > 1 ? stateFiles[1] : null);
                var evaluator = new SnapshotEvaluator(policies);
                var evaluations = new List<EventEvaluation>();
                foreach (var cloudTrailEvent in events)
                {
                    evaluations.Add(await evaluator.EvaluateAsync(cloudTrailEvent, state));
                }

                Write(evaluations, result.GetValue(jsonOption), output);
                return ExitCodes.Success;
            }
            catch (PolicyLoadException ex)
            {
                error.WriteLine(ex.Message);
                return ExitCodes.Failed;
            }
            catch (Exception ex) when (ex is InputFileException or PolicyEvaluationException)
            {
                error.WriteLine($"error: {ex.Message}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    private static IReadOnlyList<CloudTrailEvent> ReadEvents(InputFiles inputs, string path)
    {
        try
        {
            var events = CloudTrailExportReader.Read(inputs.ReadBytes(path));
            return events.Count > 0 ? events : throw new InputFileException($"{path}: holds no events");
        }
        catch (JsonSyntaxException ex)
        {
            throw InputFiles.Invalid(path, ex);
        }
        catch (MalformedEventException ex)
        {
            throw new InputFileException($"{path}: {ex.Message}");
        }
    }

    // The state is of the type the events concern (the first one some policy triggers on);
    // security groups when none does, since then no policy reads it.
    private static IResourceType ResourceTypeOf(IReadOnlyList<CloudTrailEvent> events, PolicySet policies) =>
        events.Select(e => EventTriage.Triage(e, policies).ResourceType).FirstOrDefault(t => t is not null)
            ?? policies.Resources.Find(SecurityGroupResourceType.TypeName)!;

    private static IReadOnlyList<object> ReadState(InputFiles inputs, IResourceType type, string statePath, string? companionPath)
    {
        var document = inputs.ReadJsonText(statePath);
        var companion = companionPath is null ? null : inputs.ReadJsonText(companionPath);
        try
        {
            return type.ReadState(document, companion);
        }
        catch (StateFormatException ex)
        {
            throw new InputFileException($"{(companionPath is null ? statePath : $"{statePath}, {companionPath}")}: {ex.Message} (expected for {type.Name}: {type.StateDocument})");
        }
    }

    // One event prints as before (an object); several, as from a CloudTrail log file, as an array
    // of those objects.
    private static void Write(List<EventEvaluation> evaluations, bool json, TextWriter output)
    {
        if (json)
        {
            output.WriteLine(evaluations.Count == 1 ? EvaluationJson.Write(evaluations[0]) : $"[{string.Join(",", evaluations.Select(EvaluationJson.Write))}]");
            return;
        }

        for (var i = 0; i < evaluations.Count; i++)
        {
            if (i > 0)
            {
                output.WriteLine();
            }

            EvaluationText.Write(evaluations[i], output);
        }
    }
}
