using Amazon.Runtime;
using OpsBot.Cli.Commands;
using OpsBot.Functions;
using OpsBot.Functions.Aws.Http;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Resources;
using OpsBot.Functions.Sweep;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Resources;

namespace OpsBot.Cli.Scan;

/// <summary>
/// <c>scan --remediate</c>: each resource with findings goes through the remediation pipeline as a
/// sweep finding (claim, remediation or approval, audit, alerts), with the settings
/// <c>run-local</c> reads (<c>OPSBOT_TABLE</c>, <c>OPSBOT_TOPIC_ARN</c>, ...). The resource is
/// read again through the remediation role (by its type's adapter), so what is acted on is its state now.
/// </summary>
internal static class LiveRemediation
{
    /// <summary>Whether <c>--remediate</c> can act on <paramref name="type"/>: it has a resource adapter.</summary>
    public static bool Supports(IResourceType type) => ResourceAdapters.Default.Find(type.Name) is not null;

    /// <summary>Sends every resource of <paramref name="report"/> with findings through the pipeline; 1 when one failed.</summary>
    public static async Task<int> RunAsync(PolicySet policies, LiveScanOptions source, IResourceType type, ScanReport report, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var transport = new SocketsHttpHandler();
        OpsBotRuntime runtime;
        try
        {
            runtime = OpsBotRuntime.FromEnvironment(new ProcessEnvironmentVariables(), transport, TimeProvider.System, settings => settings with { EndpointUrl = source.Endpoint ?? settings.EndpointUrl });
        }
        catch (InvalidSettingException ex)
        {
            throw new InputFileException($"--remediate needs the run-local settings: {ex.Message}");
        }

        using (runtime)
        using (var sessions = new AssumeRoleSessions(runtime.Clients, runtime.Settings.Region, runtime.Settings.MemberRoleName, TimeProvider.System, RestoreDenyingSessionPolicy.Shipped))
        {
            var failed = 0;
            foreach (var target in report.Findings.Select(f => (f.Account, f.Region, f.ResourceId)).Distinct())
            {
                try
                {
                    output.WriteLine($"{target.ResourceId}: {await RemediateAsync(runtime, sessions, type, target, cancellationToken)}");
                }
                catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or AwsCallException or HttpRequestException or InvalidOperationException)
                {
                    failed++;
                    error.WriteLine($"error: {target.Account}/{target.Region}/{target.ResourceId}: {ex.Message.ReplaceLineEndings(" ")}");
                }
            }

            return failed == 0 && report.Failures.Count == 0 ? ExitCodes.Success : ExitCodes.Failed;
        }
    }

    private static async Task<string> RemediateAsync(OpsBotRuntime runtime, AssumeRoleSessions sessions, IResourceType type, (string Account, string Region, string ResourceId) target, CancellationToken cancellationToken)
    {
        var adapter = ResourceAdapters.Default.Find(type.Name) ?? throw new InvalidOperationException($"no resource adapter for {type.Name}");
        var session = await sessions.MemberAsync(target.Account, target.Region, SessionPurpose.Sweeper(MissedViolationSweep.ScanSession), cancellationToken);
        if (await adapter.ReadAsync(session, target.ResourceId, cancellationToken) is not { } resource)
        {
            return "gone, nothing to do";
        }

        var result = await runtime.Pipeline.SweepResourceAsync(target.Account, target.Region, type.Name, resource, cancellationToken);
        return result switch
        {
            null => "complies now, nothing to do",
            { Audit: { } audit } => $"{audit.Outcome.ToString().ToLowerInvariant()} - {audit.Reason}",
            _ => "already handled",
        };
    }
}
