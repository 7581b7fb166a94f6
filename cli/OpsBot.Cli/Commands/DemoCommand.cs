using System.CommandLine;
using OpsBot.Cli.Local;
using OpsBot.Cli.Local.Approval;
using OpsBot.Rules.Policies;

namespace OpsBot.Cli.Commands;

/// <summary>
/// <c>opsbot demo [--endpoint-url URL]</c>: the whole production flow on a local AWS emulator. Starts
/// moto_server on a free loopback port unless an endpoint (LocalStack, a running moto) is given, and
/// stops what it started.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var endpointOption = EndpointOption.Create("A running emulator (e.g. LocalStack at http://localhost:4566); default: start moto_server.");
        var policiesOption = new Option<string>("--policies") { Description = "Policy folder.", DefaultValueFactory = _ => PolicyPaths.DefaultFolder };
        var templateOption = new Option<string>("--member-template") { Description = "The member-account template.", DefaultValueFactory = _ => Path.Combine("infra", "member-account.yaml") };
        var approveOption = new Option<bool>("--approve") { Description = "Show the Slack approval flow instead: request, signed Approve click, fix, message update (local Slack stand-in)." };
        var keepOption = new Option<bool>("--keep") { Description = "Afterwards, keep the emulator and its resources up and print the settings 'run-local' needs; Ctrl+C stops it." };
        var command = new Command("demo", "Run the remediation flow end to end on a local AWS emulator and print a timeline.")
        {
            endpointOption, policiesOption, templateOption, approveOption, keepOption,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                return await RunAsync(EndpointOption.Parse(result.GetValue(endpointOption)), result.GetValue(policiesOption)!, result.GetValue(templateOption)!, result.GetValue(approveOption), result.GetValue(keepOption), output, cancellationToken);
            }
            catch (Exception ex) when (ex is EmulatorUnavailableException or InputFileException)
            {
                error.WriteLine($"error: {ex.Message}");
                return ExitCodes.BadInput;
            }
            catch (Exception ex) when (ex is HttpRequestException or Amazon.Runtime.AmazonServiceException && result.GetValue(endpointOption) is not null)
            {
                error.WriteLine($"error: cannot reach the emulator at {result.GetValue(endpointOption)}: {ex.Message}. Start LocalStack or moto_server there, or omit --endpoint-url to let the demo start moto_server.");
                return ExitCodes.BadInput;
            }
            catch (Exception ex) when (ex is PolicyLoadException or FileNotFoundException)
            {
                error.WriteLine($"error: {ex.Message}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(Uri? endpoint, string policyFolder, string memberTemplate, bool approve, bool keep, TextWriter output, CancellationToken cancellationToken)
    {
        // Checked before an emulator starts: a bad folder must be a one-line error, not a timeline
        // that fails half-way.
        PolicyPaths.RequireExisting([policyFolder, memberTemplate]);
        var policies = PolicySet.Load(policyFolder);
        if (policies.All.Count == 0)
        {
            throw new InputFileException($"{policyFolder}: no policies in it (*.yaml outside tests/)");
        }

        var timeline = new Timeline(output);
        using var moto = endpoint is null ? new MotoServer() : null;
        var emulator = endpoint ?? moto!.Endpoint;
        output.WriteLine($"OpsBot demo on {(moto is null ? "the emulator at " : "moto_server at ")}{emulator} with {policies.All.Count} policies from {policyFolder}");
        await using var topology = await LocalTopology.CreateAsync(emulator, policies, [policyFolder], memberTemplate, forceNotify: false, timeline, cancellationToken);
        if (approve)
        {
            var code = await ApprovalDemo.RunAsync(topology, timeline, output, cancellationToken);
            output.WriteLine(code == 0 ? "demo passed: approval requested in Slack, approved by a signed click, SSH revoked, message updated" : "demo failed");
            return code == 0 ? ExitCodes.Success : ExitCodes.Failed;
        }

        var problems = await new DemoScenario(topology, timeline).RunAsync(cancellationToken);
        foreach (var problem in problems)
        {
            output.WriteLine($"FAILED: {problem}");
        }

        output.WriteLine(problems.Count == 0 ? "demo passed: SSH revoked in the member account, HTTPS kept, alert sent, audit written" : "demo failed");
        if (keep)
        {
            await KeepAsync(topology, emulator, policyFolder, output, cancellationToken);
        }

        return problems.Count == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    // The emulator and the central and member resources stay up for run-local, until Ctrl+C.
    private static async Task KeepAsync(LocalTopology topology, Uri emulator, string policyFolder, TextWriter output, CancellationToken cancellationToken)
    {
        var settings = topology.Runtime.Settings;
        output.WriteLine();
        output.WriteLine("The emulator and the demo's resources stay up until Ctrl+C. In another shell:");
        output.WriteLine($"  export AWS_ENDPOINT_URL={emulator} AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION={settings.Region}");
        output.WriteLine($"  export OPSBOT_TABLE={settings.TableName} OPSBOT_TOPIC_ARN={settings.AlertTopicArn} OPSBOT_EVENT_BUS={settings.EventBusName} OPSBOT_POLICIES={Path.GetFullPath(policyFolder)}");
        output.WriteLine($"  dotnet run --project cli/OpsBot.Cli -- run-local --queue-url {topology.EventQueueUrl}");
        output.WriteLine($"Events sent to the member account's default bus (account {LocalTopology.MemberAccount}) reach that queue.");
        output.Flush();

        // SIGTERM as well as Ctrl+C ends the wait, so the emulator is always stopped on the way out.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stop.Cancel();
        });
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            output.WriteLine("stopping the emulator");
        }
    }
}
