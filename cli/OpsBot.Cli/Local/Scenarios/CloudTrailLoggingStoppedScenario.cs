using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.S3.Model;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.CloudTrail;
using OpsBot.Functions.Aws.Http;
using OpsBot.Rules.Resources.CloudTrailTrail;

namespace OpsBot.Cli.Local.Scenarios;

/// <summary>
/// A member stops logging on a trail; the runner starts it again through the assumed role, alerts
/// and audits with "it was stopped" kept for undo.
/// </summary>
public sealed class CloudTrailLoggingStoppedScenario : IDemoScenario
{
    private const string Target = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";

    /// <inheritdoc />
    public string Name => "cloudtrail-logging-stopped";

    /// <inheritdoc />
    public string ResourceType => CloudTrailTrailResourceType.TypeName;

    /// <inheritdoc />
    public string Summary => "Logging stopped on a trail: it is started again, with undo to stop it.";

    /// <inheritdoc />
    public string PassedLine => "demo passed: the stopped trail logs again, alert sent, audit written";

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var credentials = run.Topology.MemberCredentials;
        using var s3 = run.Topology.Runtime.Clients.CreateS3(credentials, run.Region);
        using var cloudTrail = run.Topology.Runtime.Clients.CreateSigned(credentials).CreateService("cloudtrail", "CLOUDTRAIL", run.Region);
        var trails = new CloudTrailClient(cloudTrail);
        var trail = $"demo-audit-{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}";
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = trail + "-logs" }, cancellationToken);
        await CallAsync(cloudTrail, "CreateTrail", new JsonObject { ["Name"] = trail, ["S3BucketName"] = trail + "-logs", ["IsMultiRegionTrail"] = true, ["EnableLogFileValidation"] = true }, cancellationToken);
        await trails.StartLoggingAsync(trail, cancellationToken);
        await trails.StopLoggingAsync(trail, cancellationToken);
        await ShowStatusAsync(trails, trail, $"trail {trail} stopped:", run.Timeline, cancellationToken);

        var arn = $"arn:aws:cloudtrail:{run.Region}:{run.Account}:trail/{trail}";
        var request = new JsonObject { ["name"] = arn };
        await run.SendAsync("aws.cloudtrail", CloudTrailRecord.Write(run.Account, run.Region, "cloudtrail.amazonaws.com", "StopLogging", request, null, "[aws-cli/2.17.12 md/awscrt#0.20.11 ua/2.0 os/linux command/cloudtrail.stop-logging]"), cancellationToken);

        var eventIds = await run.DrainAsync(cancellationToken);
        var problems = new List<string>();
        if (!await ShowStatusAsync(trails, trail, $"trail {trail} now:", run.Timeline, cancellationToken))
        {
            problems.Add("the trail was not started again");
        }

        await run.ShowAlertsAsync(problems, cancellationToken);
        await run.ShowAuditAsync(eventIds, AuditOutcome.Remediated, problems, cancellationToken);
        return problems;
    }

    private static async Task<bool> ShowStatusAsync(CloudTrailClient trails, string trail, string heading, Timeline timeline, CancellationToken cancellationToken)
    {
        var logging = await trails.IsLoggingAsync(trail, cancellationToken);
        timeline.Step("member", heading);
        timeline.Detail(logging ? "IsLogging: true" : "IsLogging: false");
        return logging;
    }

    private static Task<AwsResponse> CallAsync(SignedServiceClient cloudTrail, string operation, JsonObject request, CancellationToken cancellationToken) =>
        cloudTrail.PostJsonAsync(Target + operation, request.ToJsonString(), cancellationToken);
}
