using Amazon.Runtime;
using OpsBot.Cli.Commands;
using OpsBot.Functions;
using OpsBot.Functions.Aws.Http;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Functions.Configuration;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Resources;

namespace OpsBot.Cli.Scan;

/// <summary>
/// <c>scan --remediate</c>: each resource with findings goes through the remediation pipeline as a
/// sweep finding (claim, remediation or approval, audit, alerts), with the settings
/// <c>run-local</c> reads (<c>OPSBOT_TABLE</c>, <c>OPSBOT_TOPIC_ARN</c>, ...). The resource is
/// read again through the remediation role, so what is acted on is its state now.
/// </summary>
internal static class LiveRemediation
{
    /// <summary>The resource types <c>--remediate</c> acts on today.</summary>
    public static bool Supports(IResourceType type) => type.Name == SecurityGroupResourceType.TypeName;

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
        using (var sessions = new AssumeRoleSessions(runtime.Clients, runtime.Settings.Region, runtime.Settings.MemberRoleName, TimeProvider.System))
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

    // The one call that changes when the pipeline becomes generic over resource types.
    private static async Task<string> RemediateAsync(OpsBotRuntime runtime, AssumeRoleSessions sessions, IResourceType type, (string Account, string Region, string ResourceId) target, CancellationToken cancellationToken)
    {
        var groups = await sessions.SecurityGroupsAsync(target.Account, target.Region, cancellationToken);
        if (await groups.ReadAsync(new ResourceReference(type.Name, target.ResourceId), cancellationToken) is not { } group)
        {
            return "gone, nothing to do";
        }

        var result = await runtime.Pipeline.SweepGroupAsync(target.Account, target.Region, group, groups, cancellationToken);
        return result switch
        {
            null => "complies now, nothing to do",
            { Audit: { } audit } => $"{audit.Outcome.ToString().ToLowerInvariant()} - {audit.Reason}",
            _ => "already handled",
        };
    }
}
