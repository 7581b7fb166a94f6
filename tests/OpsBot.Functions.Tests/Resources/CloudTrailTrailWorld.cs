using System.Text.Json.Nodes;
using Amazon.S3;
using Amazon.S3.Model;
using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Http;
using OpsBot.Functions.Tests.Integration;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Tests.Resources;

/// <summary>
/// Trails in the member account of a <see cref="SlackApprovalWorld"/> running the shipped policies,
/// and the shipped CloudTrail fixtures of trail calls re-aimed at them (ids fresh, times now, region the world's).
/// </summary>
internal sealed class CloudTrailTrailWorld : IAsyncDisposable
{
    private const string Target = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";
    private static readonly Lazy<PolicySet> ShippedPolicies = new(() => PolicySet.Load(RepositoryPaths.Policies));

    private CloudTrailTrailWorld(SlackApprovalWorld slack, IAmazonS3 memberS3, SignedServiceClient memberCloudTrail)
    {
        Slack = slack;
        MemberS3 = memberS3;
        MemberCloudTrail = memberCloudTrail;
    }

    public SlackApprovalWorld Slack { get; }

    public OpsBotRuntime Runtime => Slack.Runtime;

    /// <summary>S3 in the member account, for the trails' bucket.</summary>
    public IAmazonS3 MemberS3 { get; }

    /// <summary>CloudTrail in the member account, as the remediation role, called on the wire (independent of the adapter).</summary>
    public SignedServiceClient MemberCloudTrail { get; }

    public static async Task<CloudTrailTrailWorld> CreateAsync(MotoServer moto)
    {
        var slack = await SlackApprovalWorld.CreateAsync(moto, ShippedPolicies.Value);
        var credentials = slack.World.MemberCredentials;
        return new CloudTrailTrailWorld(
            slack,
            slack.Runtime.Clients.CreateS3(credentials, RemediationWorld.Region),
            slack.Runtime.Clients.CreateSigned(credentials).CreateService("cloudtrail", "CLOUDTRAIL", RemediationWorld.Region));
    }

    /// <summary>Creates a bucket and a logging, multi-region trail writing to it in the member account; returns the trail's name and ARN.</summary>
    public async Task<(string Name, string Arn)> CreateLoggingTrailAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..30];
        await MemberS3.PutBucketAsync(new PutBucketRequest { BucketName = name + "-logs" });
        var created = await CallAsync("CreateTrail", new JsonObject { ["Name"] = name, ["S3BucketName"] = name + "-logs", ["IsMultiRegionTrail"] = true, ["EnableLogFileValidation"] = true });
        await CallAsync("StartLogging", new JsonObject { ["Name"] = name });
        return (name, created["TrailARN"]!.GetValue<string>());
    }

    /// <summary>Stops logging on the trail, as the event fixture says someone did.</summary>
    public Task StopLoggingAsync(string trail) => CallAsync("StopLogging", new JsonObject { ["Name"] = trail });

    /// <summary>Deletes the trail, as the event fixture says someone did.</summary>
    public Task DeleteTrailAsync(string trail) => CallAsync("DeleteTrail", new JsonObject { ["Name"] = trail });

    /// <summary>Whether the trail logs, as GetTrailStatus says.</summary>
    public async Task<bool> IsLoggingAsync(string trail) => (await CallAsync("GetTrailStatus", new JsonObject { ["Name"] = trail }))["IsLogging"]!.GetValue<bool>();

    /// <summary>Runs the shipped fixture <c>policies/tests/events/{fixture}.json</c>, aimed at <paramref name="trail"/> (a name or an ARN), through the pipeline.</summary>
    public async Task<AuditRecord> ProcessAsync(string fixture, string trail)
    {
        var body = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Policies, "tests", "events", fixture + ".json")))!;
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var detail = body["detail"]!;
        body["id"] = "evt-" + Guid.NewGuid();
        body["time"] = now;
        body["region"] = RemediationWorld.Region;
        detail["eventID"] = Guid.NewGuid().ToString();
        detail["eventTime"] = now;
        detail["awsRegion"] = RemediationWorld.Region;
        detail["requestParameters"]!["name"] = trail;
        var result = await Runtime.Pipeline.ProcessAsync(body.ToJsonString(), "m-1", CancellationToken.None);
        return result.Audit!;
    }

    public async ValueTask DisposeAsync()
    {
        MemberS3.Dispose();
        MemberCloudTrail.Dispose();
        await Slack.DisposeAsync();
    }

    private async Task<JsonNode> CallAsync(string operation, JsonObject request)
    {
        var response = await MemberCloudTrail.PostJsonAsync(Target + operation, request.ToJsonString(), CancellationToken.None);
        return JsonNode.Parse(response.Body.Length == 0 ? "{}" : response.Body) ?? new JsonObject();
    }
}
