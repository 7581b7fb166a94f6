using System.CommandLine;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using OpsBot.Functions.Aws;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.State;

namespace OpsBot.Cli.Commands;

/// <summary>
/// <c>opsbot brakes status|reset --table NAME [--region R] [--endpoint-url URL] [--by NAME]</c>: shows the
/// global circuit breaker in the state table and the batches the blast-radius limit held (per account
/// window: held, still waiting, released by whom), or resets the breaker so enforcement resumes.
/// </summary>
internal static class BrakesCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("brakes", "Show or reset the circuit breaker that holds every policy to notify.");
        command.Subcommands.Add(Verb("status", "Print whether the circuit breaker is tripped, since when and why, and the held batches.", output, error, reset: false));
        command.Subcommands.Add(Verb("reset", "Reset a tripped circuit breaker: policies act in their own modes again.", output, error, reset: true));
        return command;
    }

    private static Command Verb(string name, string description, TextWriter output, TextWriter error, bool reset)
    {
        var tableOption = new Option<string>("--table") { Description = "The state table.", Required = true };
        var regionOption = new Option<string?>("--region") { Description = "The table's region (default AWS_REGION, else us-east-1)." };
        var endpointOption = EndpointOption.Create("Send the DynamoDB calls to this endpoint (moto, LocalStack).");
        var byOption = new Option<string>("--by") { Description = "Who resets it, for the record (default the USER variable).", DefaultValueFactory = _ => Environment.UserName };
        var command = new Command(name, description) { tableOption, regionOption, endpointOption };
        if (reset)
        {
            command.Options.Add(byOption);
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                var environment = new ProcessEnvironmentVariables();
                var endpoint = EndpointOption.Parse(result.GetValue(endpointOption));
                var region = result.GetValue(regionOption) ?? environment.Get("AWS_REGION") ?? "us-east-1";
                var clients = new AwsClientFactory(new AwsEndpoints(environment, endpoint), DefaultAWSCredentialsIdentityResolver.GetCredentials(null));
                using var dynamoDb = clients.CreateDynamoDb(region);
                var counters = new BrakeCounters(dynamoDb, result.GetValue(tableOption)!);
                if (reset)
                {
                    var by = "cli:" + result.GetValue(byOption);
                    var wasTripped = await counters.TryResetAsync(by, DateTimeOffset.UtcNow, cancellationToken);
                    output.WriteLine(wasTripped ? $"circuit breaker reset by {by}: policies act in their own modes again" : "circuit breaker was not tripped: nothing to reset");
                    return ExitCodes.Success;
                }

                var state = await counters.ReadBreakerAsync(cancellationToken);
                output.WriteLine(state.Tripped
                    ? $"circuit breaker TRIPPED at {state.TrippedAt:u}: {state.Reason}; every policy notifies only until 'opsbot brakes reset'"
                    : state.ResetAt is { } at ? $"circuit breaker closed (last reset {at:u} by {state.ResetBy}): policies act in their own modes" : "circuit breaker closed: policies act in their own modes");
                var batches = await new HeldViolations(dynamoDb, result.GetValue(tableOption)!).ListBatchesAsync(cancellationToken);
                output.WriteLine(batches.Count == 0 ? "held batches: none" : $"held batches ({batches.Count}, newest first; Release on the batch's Slack message):");
                foreach (var batch in batches)
                {
                    var released = batch.ReleasedBy is { } by ? $", {batch.Released} released (last by {by} at {batch.ReleasedAt:u})" : "";
                    output.WriteLine($"  account {batch.Account} window {batch.WindowStart:u} to {batch.WindowEnd:u}: {batch.Held} held, {batch.Waiting} waiting{released}");
                }

                return state.Tripped ? ExitCodes.Failed : ExitCodes.Success;
            }
            catch (InputFileException ex)
            {
                error.WriteLine($"error: {ex.Message}");
                return ExitCodes.BadInput;
            }
            catch (Exception ex) when (ex is AmazonClientException or AmazonServiceException or HttpRequestException)
            {
                // No credentials, a dead endpoint, a missing table: one line, not a stack trace.
                error.WriteLine($"error: cannot read the circuit breaker in {result.GetValue(tableOption)}: {ex.Message.ReplaceLineEndings(" ")}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }
}
