using System.CommandLine;
using OpsBot.Cli.Local;
using OpsBot.Cli.Local.Approval;
using OpsBot.Cli.Local.Cases;
using OpsBot.Cli.Local.Scenarios;
using OpsBot.Functions.Brakes;
using OpsBot.Rules.Policies;

namespace OpsBot.Cli.Commands;

/// <summary>
/// <c>opsbot demo [--scenario NAME | --list | --cases DIR] [--endpoint-url URL]</c>: the whole production flow on a local AWS emulator. Starts
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
        var scenarioOption = new Option<string>("--scenario") { Description = $"The story to run (see --list); default: {DemoScenarios.Default.Name}.", DefaultValueFactory = _ => DemoScenarios.Default.Name };
        var listOption = new Option<bool>("--list") { Description = "List the scenarios and exit." };
        var casesOption = new Option<string>("--cases") { Description = "Run this policy folder's test cases (DIR/tests/*.yaml) end to end on the emulator instead: PASS, FAIL or SKIP per case." };
        var command = new Command("demo", "Run the remediation flow end to end on a local AWS emulator and print a timeline.")
        {
            endpointOption, policiesOption, templateOption, approveOption, keepOption, scenarioOption, listOption, casesOption,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (result.GetValue(listOption))
            {
                foreach (var known in DemoScenarios.All)
                {
                    output.WriteLine($"{known.Name,-28} {known.ResourceType,-28} {known.Summary}");
                }

                return ExitCodes.Success;
            }

            if (result.GetValue(casesOption) is not null && (result.GetValue(approveOption) || result.GetValue(keepOption) || result.GetResult(scenarioOption) is { Implicit: false }))
            {
                error.WriteLine("error: --cases runs a folder's test cases on its own; leave out --scenario, --approve and --keep");
                return ExitCodes.BadInput;
            }

            var name = result.GetValue(scenarioOption)!;
            if (DemoScenarios.Find(name) is not { } scenario)
            {
                error.WriteLine($"error: --scenario: no scenario '{name}'; known: {string.Join(", ", DemoScenarios.All.Select(s => s.Name))}");
                return ExitCodes.BadInput;
            }

            if (result.GetValue(approveOption) && scenario != DemoScenarios.Default)
            {
                error.WriteLine("error: --approve tells the Slack approval story of the default scenario; leave out --scenario or --approve");
                return ExitCodes.BadInput;
            }

            try
            {
                if (result.GetValue(casesOption) is { } casesFolder)
                {
                    return await RunCasesAsync(EndpointOption.Parse(result.GetValue(endpointOption)), casesFolder, result.GetValue(templateOption)!, output, cancellationToken);
                }

                return await RunAsync(EndpointOption.Parse(result.GetValue(endpointOption)), result.GetValue(policiesOption)!, result.GetValue(templateOption)!, result.GetValue(approveOption), result.GetValue(keepOption), scenario, output, cancellationToken);
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

    private static async Task<int> RunAsync(Uri? endpoint, string policyFolder, string memberTemplate, bool approve, bool keep, IDemoScenario scenario, TextWriter output, CancellationToken cancellationToken)
    {
        // Checked before an emulator starts: a bad folder must be a one-line error, not a timeline
        // that fails half-way.
        PolicyPaths.RequireExisting([policyFolder, memberTemplate]);
        MemberTemplate.Check(memberTemplate);
        var policies = PolicySet.Load(policyFolder);
        if (policies.All.Count == 0)
        {
            throw new InputFileException($"{policyFolder}: no policies in it (*.yaml outside tests/)");
        }

        var timeline = new Timeline(output);
        using var moto = StartEmulator(endpoint, output);
        var emulator = endpoint ?? moto!.Endpoint;
        output.WriteLine($"OpsBot demo on {(moto is null ? "the emulator at " : "moto_server at ")}{emulator} with {policies.All.Count} policies from {policyFolder}");
        // The story's Slack alert (with its Undo button) is printed by the stand-in as it arrives; the
        // approval story brings a Slack of its own.
        await using var slack = approve ? null : new LocalSlack(output, DemoSlackSettings.BotToken);
        await using var topology = await LocalTopology.CreateAsync(emulator, policies, [policyFolder], memberTemplate, forceNotify: false, slack is null ? null : DemoSlackSettings.For(slack), timeline, cancellationToken);
        if (slack is not null)
        {
            timeline.Step("slack", $"local Slack stand-in on {slack.BaseAddress}: policies that notify slack post to channel {DemoSlackSettings.Channel}, shown below as it arrives");
        }

        if (approve)
        {
            var code = await ApprovalDemo.RunAsync(topology, timeline, output, cancellationToken);
            output.WriteLine(code == 0 ? "demo passed: approval requested in Slack, approved by a signed click, SSH revoked, message updated" : "demo failed");
            return code == 0 ? ExitCodes.Success : ExitCodes.Failed;
        }

        output.WriteLine($"scenario {scenario.Name}: {scenario.Summary}");
        var problems = await scenario.RunAsync(new ScenarioRun(topology, timeline), cancellationToken);
        foreach (var problem in problems)
        {
            output.WriteLine($"FAILED: {problem}");
        }

        output.WriteLine(problems.Count == 0 ? scenario.PassedLine : "demo failed");
        if (keep)
        {
            await KeepAsync(topology, emulator, policyFolder, output, cancellationToken);
        }

        return problems.Count == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static async Task<int> RunCasesAsync(Uri? endpoint, string folder, string memberTemplate, TextWriter output, CancellationToken cancellationToken)
    {
        PolicyPaths.RequireExisting([folder, memberTemplate]);
        MemberTemplate.Check(memberTemplate);
        var policies = PolicySet.Load(folder);
        if (policies.All.Count == 0)
        {
            throw new InputFileException($"{folder}: no policies in it (*.yaml outside tests/)");
        }

        var cases = DemoCases.Load(folder);
        using var moto = StartEmulator(endpoint, output);
        var emulator = endpoint ?? moto!.Endpoint;
        output.WriteLine($"{cases.Count} test case(s) of {policies.All.Count} policies from {folder}, end to end on {emulator}");
        // Every case acts in the one member account within a minute or two: the blast-radius limit and
        // the breaker would hold all cases after the 20th, so they are raised past the number of cases.
        // Fight limits still apply, per policy and resource, and each case has its own resources.
        var brakes = BrakeSettings.Default with { AccountActions = cases.Count + 1, BreakerActions = cases.Count + 1 };
        await using var topology = await LocalTopology.CreateAsync(emulator, policies, [folder], memberTemplate, forceNotify: false, null, new Timeline(TextWriter.Null), cancellationToken, brakes);
        var (_, failed, _) = await DemoCases.RunAsync(topology, policies, cases, output, cancellationToken);
        return failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    // Starting moto_server takes a few seconds (a Python process importing every service it
    // emulates): said first, so the pause before the first step is not taken for a hang.
    private static MotoServer? StartEmulator(Uri? endpoint, TextWriter output)
    {
        if (endpoint is not null)
        {
            return null;
        }

        output.WriteLine("starting the AWS emulator (moto_server on a free loopback port); the first step waits until it answers, a few seconds");
        output.Flush();
        return new MotoServer();
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
