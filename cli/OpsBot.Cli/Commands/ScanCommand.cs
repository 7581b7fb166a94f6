using System.CommandLine;
using System.Text;
using OpsBot.Cli.Output;
using OpsBot.Cli.Scan;
using OpsBot.Functions.Configuration;
using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Events;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Resources;

namespace OpsBot.Cli.Commands;

/// <summary>
/// <c>opsbot scan [--policies DIR] --state FILE [COMPANION] [--resource TYPE] [-p ID]... [--account A]
/// [--region R] [--format table|json|csv|sarif] [--fail-on SEVERITY]</c>: evaluates every resource
/// of a saved inventory (the state document its type reads, e.g. describe-security-groups output)
/// against the policies of that type, read-only, and reports the findings.
/// </summary>
internal static class ScanCommand
{
    /// <summary>
    /// The largest inventory read (512 MiB): a whole estate's describe output is far above the
    /// 16 MiB that bounds one event or one group, and the document is held in memory as read.
    /// </summary>
    public const long MaxStateBytes = 512L * 1024 * 1024;

    private static readonly string[] Formats = ["table", "json", "csv", "sarif"];

    private static readonly string[] Severities = [.. Enum.GetValues<PolicySeverity>().Select(s => s.ToString().ToLowerInvariant())];

    public static Command Create(Stream standardInput, TextWriter output, TextWriter error)
    {
        var policiesOption = new Option<string>("--policies") { Description = "Policy folder or file.", DefaultValueFactory = _ => PolicyPaths.DefaultFolder };
        var stateOption = new Option<string[]>("--state")
        {
            Description = "The inventory ('-': standard input) in the shape the resource type reads: for security groups 'aws ec2 describe-security-groups' output, optionally followed by 'aws ec2 describe-security-group-rules' output; for buckets the bucket state document.",
            Arity = new ArgumentArity(1, 2),
            AllowMultipleArgumentsPerToken = true,
        };
        var resourceOption = new Option<string>("--resource")
        {
            Description = $"The resource type of the inventory: {string.Join(", ", ResourceTypeRegistry.Default.All.Select(t => t.Name))}.",
            DefaultValueFactory = _ => "aws.ec2.security-group",
        };
        var policyOption = new Option<string[]>("--policy", "-p") { Description = "Evaluate only this policy (repeatable)." };
        var accountOption = new Option<string>("--account") { Description = "Account id copied into each finding.", DefaultValueFactory = _ => "" };
        var regionOption = new Option<string>("--region") { Description = "Region copied into each finding.", DefaultValueFactory = _ => "" };
        var formatOption = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        formatOption.AcceptOnlyFromAmong(Formats);
        var failOnOption = new Option<string?>("--fail-on") { Description = "Exit 1 when a finding is at least this severe." };
        failOnOption.AcceptOnlyFromAmong(Severities);
        var live = new LiveScanCommandOptions();
        var command = new Command("scan", "Evaluate a saved inventory or live accounts against the policies, read-only, and report the findings.")
        {
            policiesOption, stateOption, resourceOption, policyOption, accountOption, regionOption, formatOption, failOnOption,
        };
        live.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                var stateFiles = result.GetValue(stateOption);
                var opening = OpenStateAside(standardInput, result.GetValue(resourceOption)!, stateFiles);
                var (policies, type, candidates) = ScanPolicies.Load(
                    PolicyPaths.RequireExisting([result.GetValue(policiesOption)!]), result.GetValue(resourceOption)!, result.GetValue(policyOption) ?? []);
                var source = live.Read(result, stateFiles is { Length: > 0 });
                ScanReport report;
                if (source is null)
                {
                    var files = stateFiles!;
                    var inventory = await opening!;
                    try
                    {
                        report = await new InventoryScan(policies).RunAsync(
                            type, inventory, candidates, result.GetValue(accountOption)!, result.GetValue(regionOption)!);
                    }
                    catch (StateFormatException ex)
                    {
                        throw Unreadable(files, ex);
                    }
                }
                else
                {
                    if (live.Remediates(result) && !LiveRemediation.Supports(type))
                    {
                        throw new InputFileException($"--remediate: {type.Name} has no resource adapter, so it cannot be remediated; scan it without --remediate");
                    }

                    report = await new LiveScan(policies, new ProcessEnvironmentVariables(), error).RunAsync(source, type, candidates, TerminalScanProgress.ForConsole(), cancellationToken);
                }

                Write(report, result.GetValue(formatOption)!, output);
                if (source is not null && live.Remediates(result))
                {
                    return await LiveRemediation.RunAsync(policies, source, type, report, output, error, cancellationToken);
                }

                return LiveScanCommandOptions.ExitCode(report, result.GetValue(failOnOption) is { } failOn ? Enum.Parse<PolicySeverity>(failOn, ignoreCase: true) : null);
            }
            catch (PolicyLoadException ex)
            {
                error.WriteLine(ex.Message);
                return ExitCodes.Failed;
            }
            catch (LiveScanException ex)
            {
                error.WriteLine($"error: {ex.Message}");
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

    // The policies take a fixed time to load and compile whatever the inventory's size, and the
    // inventory's read and first pass take a time that grows with it: on two cores they overlap. A
    // policy or flag problem is still the one reported, because the policies are awaited first; the
    // opening's own failure is marked observed at once, as it goes unawaited then.
    private static Task<IResourceInventory>? OpenStateAside(Stream standardInput, string resource, string[]? files)
    {
        if (files is not { Length: > 0 } || ResourceTypeRegistry.Default.Find(resource) is not { } type)
        {
            return null;
        }

        var opening = Task.Run(() => OpenState(new InputFiles(standardInput, MaxStateBytes), type, files));
        _ = opening.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return opening;
    }

    // The document is parsed once, by the type's reader, which checks its syntax and shape and then
    // reads each resource only when the scan gets to it; only when the opening fails is the document
    // checked as JSON, so that a syntax error still reads path:line:col. An inventory can be 100 MB.
    private static IResourceInventory OpenState(InputFiles inputs, IResourceType type, string[] files)
    {
        var documents = files.Select(inputs.ReadBytes).ToList();
        try
        {
            return type.OpenState(documents[0], documents.Count > 1 ? documents[1] : (ReadOnlyMemory<byte>?)null);
        }
        catch (StateFormatException ex)
        {
            for (var i = 0; i < documents.Count; i++)
            {
                try
                {
                    JsonSyntaxException.Parse(documents[i]).Dispose();
                }
                catch (JsonSyntaxException syntax)
                {
                    throw InputFiles.Invalid(files[i], syntax);
                }
            }

            throw Unreadable(files, ex);
        }
    }

    private static InputFileException Unreadable(string[] files, StateFormatException ex) => new($"{string.Join(", ", files)}: {ex.Message}");

    // Rendered whole, then written once: the console writer flushes on every write, and an
    // inventory can have tens of thousands of findings.
    private static void Write(ScanReport report, string format, TextWriter output)
    {
        if (format is "json" or "sarif")
        {
            using var buffer = new MemoryStream();
            if (format == "json")
            {
                ScanReportJson.Write(report, buffer);
            }
            else
            {
                ScanReportSarif.Write(report, buffer);
            }

            output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            return;
        }

        using var text = new StringWriter();
        if (format == "csv")
        {
            ScanReportCsv.Write(report, text);
        }
        else
        {
            ScanReportTable.Write(report, text);
        }

        output.Write(text.ToString());
    }
}
