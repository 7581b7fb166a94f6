using System.CommandLine;
using OpsBot.Cli.Output;
using OpsBot.Rules.Events;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Replay;
using OpsBot.Cli.Scan;
using OpsBot.Functions.Configuration;

namespace OpsBot.Cli.Commands;

/// <summary>
/// <c>opsbot replay [--policies DIR] [--json] PATH...</c>: reads CloudTrail history (lookup-events
/// output, CloudTrail log files, gzipped or not, or folders of them) and reports, per policy, what
/// OpsBot would have done, decided on what each event requested; and which policies never fired.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create(Stream standardInput, TextWriter output, TextWriter error)
    {
        var policiesOption = new Option<string>("--policies") { Description = "Policy folder or file.", DefaultValueFactory = _ => PolicyPaths.DefaultFolder };
        var jsonOption = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var liveOption = new Option<bool>("--live") { Description = "Decide on the resources' live state, read in each event's account and region, instead of what each event requested." };
        var roleOption = new Option<string?>("--role") { Description = "With --live: role NAME assumed in each event's account (read-only describe permissions)." };
        var profileOption = new Option<string?>("--profile") { Description = "With --live: credentials of this named profile instead of the default chain." };
        var endpointOption = EndpointOption.Create("With --live: one endpoint URL for every AWS service (an emulator).");
        var paths = new Argument<string[]>("history")
        {
            Description = "CloudTrail history: 'aws cloudtrail lookup-events' output, CloudTrail log files (.json, .json.gz) or folders of them ('-': standard input).",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("replay", "Say what OpsBot would have done over CloudTrail history, per policy, and which policies never fired.")
        {
            policiesOption, jsonOption, liveOption, roleOption, profileOption, endpointOption, paths,
        };
        command.SetAction(async (result, _) =>
        {
            var inputs = new InputFiles(standardInput);
            try
            {
                var policies = new PolicyLoader().LoadSet(PolicyPaths.RequireExisting([result.GetValue(policiesOption)!]));
                var events = new List<CloudTrailEvent>();
                foreach (var file in HistoryFiles.Expand(result.GetValue(paths)!))
                {
                    events.AddRange(ReadEvents(inputs, file));
                }

                using var live = result.GetValue(liveOption)
                    ? new LiveReplayState(new LiveScanOptions(result.GetValue(profileOption), result.GetValue(roleOption), null, null, EndpointOption.Parse(result.GetValue(endpointOption))), new ProcessEnvironmentVariables(), Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-east-1")
                    : null;
                ReplayReport report;
                try
                {
                    report = await new HistoryReplay(policies, live is null ? null : live.ReadAsync).ReplayAsync(events);
                }
                catch (Exception ex) when (ex is Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException or OpsBot.Functions.Aws.Http.AwsCallException or HttpRequestException or LiveScanException)
                {
                    error.WriteLine($"error: reading live state failed: {ex.Message.ReplaceLineEndings(" ")}");
                    return ExitCodes.Failed;
                }

                if (result.GetValue(jsonOption))
                {
                    output.WriteLine(ReplayReportJson.Write(report));
                }
                else
                {
                    ReplayReportText.Write(report, output);
                }

                return ExitCodes.Success;
            }
            catch (PolicyLoadException ex)
            {
                error.WriteLine(ex.Message);
                return ExitCodes.Failed;
            }
            catch (InputFileException ex)
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
            return CloudTrailExportReader.Read(inputs.ReadBytes(path));
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
}
