using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Tests.Integration;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Tests.Resources;

/// <summary>
/// Instances in the member account of a <see cref="SlackApprovalWorld"/> running the shipped policies,
/// and the shipped CloudTrail fixtures of instance calls re-aimed at them (ids fresh, times now, region the world's).
/// </summary>
internal sealed class Ec2InstanceWorld : IAsyncDisposable
{
    private static readonly Lazy<PolicySet> ShippedPolicies = new(() => PolicySet.Load(RepositoryPaths.Policies));

    private Ec2InstanceWorld(SlackApprovalWorld slack) => Slack = slack;

    public SlackApprovalWorld Slack { get; }

    public OpsBotRuntime Runtime => Slack.Runtime;

    /// <summary>EC2 in the member account, as the remediation role.</summary>
    public IAmazonEC2 MemberEc2 => Slack.World.MemberEc2;

    public static async Task<Ec2InstanceWorld> CreateAsync(MotoServer moto) =>
        new(await SlackApprovalWorld.CreateAsync(moto, ShippedPolicies.Value));

    /// <summary>Launches <paramref name="count"/> instances in the member account with <paramref name="options"/>; returns their ids.</summary>
    public async Task<IReadOnlyList<string>> LaunchAsync(int count, InstanceMetadataOptionsRequest? options = null)
    {
        var images = await MemberEc2.DescribeImagesAsync(new DescribeImagesRequest());
        var image = images.Images is { Count: > 0 } list ? list[0].ImageId : "ami-0abcdef1234567890";
        var run = await MemberEc2.RunInstancesAsync(new RunInstancesRequest { ImageId = image, InstanceType = InstanceType.T3Micro, MinCount = count, MaxCount = count, MetadataOptions = options });
        return [.. run.Reservation.Instances.Select(i => i.InstanceId)];
    }

    /// <summary>The instance's metadata options as describe-instances reports them.</summary>
    public async Task<InstanceMetadataOptionsResponse> OptionsAsync(string instanceId)
    {
        var described = await MemberEc2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] });
        return described.Reservations.SelectMany(r => r.Instances).Single().MetadataOptions;
    }

    /// <summary>Runs the shipped fixture <c>policies/tests/events/{fixture}.json</c>, aimed at <paramref name="instanceIds"/>, through the pipeline.</summary>
    public async Task<AuditRecord> ProcessAsync(string fixture, params string[] instanceIds)
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
        if (detail["eventName"]!.GetValue<string>() == "RunInstances")
        {
            var launched = detail["responseElements"]!["instancesSet"]!["items"]!.AsArray();
            var template = launched[0]!.DeepClone();
            launched.Clear();
            foreach (var id in instanceIds)
            {
                var item = template.DeepClone();
                item["instanceId"] = id;
                launched.Add(item);
            }
        }
        else
        {
            detail["requestParameters"]!["ModifyInstanceMetadataOptionsRequest"]!["InstanceId"] = instanceIds.Single();
        }

        var result = await Runtime.Pipeline.ProcessAsync(body.ToJsonString(), "m-1", CancellationToken.None);
        return result.Audit!;
    }

    public async ValueTask DisposeAsync() => await Slack.DisposeAsync();
}
