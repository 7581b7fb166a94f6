using System.CommandLine;
using OpsBot.Functions;
using OpsBot.Functions.Configuration;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using OpsBot.Functions.Aws;
using OpsBot.Functions.Runner;
using OpsBot.Functions.State;
using OpsBot.Rules.Policies;

namespace OpsBot.Cli.Commands;

/// <summary>
/// <c>opsbot run-local --queue-url URL [--endpoint-url URL] [--drain]</c>: polls an SQS queue like
/// Lambda's event source mapping and runs each batch through the pipeline. Settings come from the
/// environment (OPSBOT_TABLE, OPSBOT_TOPIC_ARN, OPSBOT_EVENT_BUS, OPSBOT_POLICIES, AWS_REGION, …)
/// and are checked before the first poll.
/// </summary>
internal static class RunLocalCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var queueOption = new Option<string>("--queue-url") { Description = "The SQS queue to poll.", Required = true };
        var endpointOption = EndpointOption.Create("Send every AWS call to this endpoint (moto, LocalStack).");
        var drainOption = new Option<bool>("--drain") { Description = "Stop when the queue is empty instead of polling until Ctrl+C." };
        var notifyOption = new Option<bool>("--force-notify") { Description = "Alert only; change nothing (overrides every policy's mode)." };
        var command = new Command("run-local", "Poll an SQS queue and run the remediation pipeline on each event, like the Lambda would.")
        {
            queueOption, endpointOption, drainOption, notifyOption,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            OpsBotRuntime runtime;
            using var transport = new SocketsHttpHandler();
            var queueUrl = result.GetValue(queueOption)!;
            try
            {
                var endpoint = EndpointOption.Parse(result.GetValue(endpointOption));
                var environment = new ProcessEnvironmentVariables();
                var lease = await QueueLeaseAsync(environment, endpoint, queueUrl, cancellationToken);
                runtime = OpsBotRuntime.FromEnvironment(environment, transport, TimeProvider.System, settings => (settings with
                {
                    EndpointUrl = endpoint ?? settings.EndpointUrl,
                    ForceNotify = result.GetValue(notifyOption) || settings.ForceNotify,
                }).FittedTo(lease));
            }
            catch (Exception ex) when (ex is InvalidSettingException or InputFileException)
            {
                error.WriteLine($"error: {ex.Message}");
                return ExitCodes.BadInput;
            }
            catch (Exception ex) when (ex is AmazonClientException or HttpRequestException)
            {
                // No credentials, a dead endpoint, a missing queue: one line, not a stack trace.
                error.WriteLine($"error: cannot start polling {queueUrl}: {OneLine(ex)}");
                return ExitCodes.BadInput;
            }
            catch (PolicyLoadException ex)
            {
                error.WriteLine(ex.Message);
                return ExitCodes.Failed;
            }

            using (runtime)
            {
                int done = 0, failed = 0;
                runtime.EventHandler.MessageProcessed += (_, e) =>
                {
                    _ = e.Error is null ? Interlocked.Increment(ref done) : Interlocked.Increment(ref failed);
                    output.WriteLine(
                        e.Result?.Audit is { } audit ? $"{e.Result.EventId}: {audit.Outcome.ToString().ToLowerInvariant()} - {audit.Reason}"
                        : e.Error is null ? $"{e.MessageId}: duplicate, already handled"
                        : $"{e.MessageId}: failed, left for redelivery: {e.Error.Message}");
                };
                error.WriteLine($"polling {queueUrl}{(result.GetValue(drainOption) ? " until it is empty" : "; Ctrl+C stops")} ...");
                try
                {
                    var summary = await runtime.CreateQueueRunner(new QueueRunnerOptions(queueUrl, Drain: result.GetValue(drainOption))).RunAsync(cancellationToken);
                    output.WriteLine($"{summary.Received} received, {summary.Deleted} done, {summary.Failed} failed, {summary.Batches} batches");
                    return summary.Failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
                }
                catch (OperationCanceledException)
                {
                    output.WriteLine($"stopped: {done} done, {failed} failed");
                    return failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
                }
                catch (Exception ex) when (ex is AmazonClientException or HttpRequestException)
                {
                    error.WriteLine($"error: polling {queueUrl} failed: {OneLine(ex)}");
                    output.WriteLine($"stopped: {done} done, {failed} failed");
                    return ExitCodes.Failed;
                }
            }
        });
        return command;
    }

    private static string OneLine(Exception ex) =>
        (ex.InnerException is { } inner && ex.Message.StartsWith("Error making request", StringComparison.Ordinal) ? inner.Message : ex.Message).ReplaceLineEndings(" ");

    // Like Lambda's event source, a local run lets a failed message reappear after the queue's own
    // visibility timeout; the claim lease must lapse before then, or the redelivery would be taken
    // for a duplicate.
    private static async Task<ClaimLease> QueueLeaseAsync(ProcessEnvironmentVariables environment, Uri? endpoint, string queueUrl, CancellationToken cancellationToken)
    {
        var settings = OpsBotSettings.Read(environment);
        var clients = new AwsClientFactory(new AwsEndpoints(environment, endpoint ?? settings.EndpointUrl), DefaultAWSCredentialsIdentityResolver.GetCredentials(null));
        using var sqs = clients.CreateSqs(settings.Region);
        var visibility = await QueueRunner.ReadVisibilityTimeoutAsync(sqs, queueUrl, cancellationToken);
        var lease = ClaimLease.ForQueue(visibility);
        lease.EnsureBelow(visibility);
        return lease;
    }
}
