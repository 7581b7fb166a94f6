using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Tests.Integration;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Tests.Resources;

/// <summary>
/// EBS snapshots and AMIs in the member account of a <see cref="SlackApprovalWorld"/> running the
/// shipped policies, and the shipped CloudTrail fixtures of their attribute calls re-aimed at them
/// (ids fresh, times now, region the world's).
/// </summary>
internal sealed class Ec2SharingWorld : IAsyncDisposable
{
    private static readonly Lazy<PolicySet> ShippedPolicies = new(() => PolicySet.Load(RepositoryPaths.Policies));

    private Ec2SharingWorld(SlackApprovalWorld slack) => Slack = slack;

    public SlackApprovalWorld Slack { get; }

    public OpsBotRuntime Runtime => Slack.Runtime;

    /// <summary>EC2 in the member account, as the remediation role.</summary>
    public IAmazonEC2 MemberEc2 => Slack.World.MemberEc2;

    public static async Task<Ec2SharingWorld> CreateAsync(MotoServer moto) =>
        new(await SlackApprovalWorld.CreateAsync(moto, ShippedPolicies.Value));

    /// <summary>Creates a volume and a snapshot of it, tagged with <paramref name="tags"/>; returns the snapshot id.</summary>
    public async Task<string> CreateSnapshotAsync(params (string Key, string Value)[] tags)
    {
        var volume = await MemberEc2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = RemediationWorld.Region + "a", Size = 1 });
        var snapshot = await MemberEc2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume.Volume.VolumeId, Description = "test" });
        if (tags.Length > 0)
        {
            await MemberEc2.CreateTagsAsync(new CreateTagsRequest { Resources = [snapshot.Snapshot.SnapshotId], Tags = [.. tags.Select(t => new Tag(t.Key, t.Value))] });
        }

        return snapshot.Snapshot.SnapshotId;
    }

    /// <summary>Registers an image backed by a fresh snapshot, tagged with <paramref name="tags"/>; returns the image id.</summary>
    public async Task<string> RegisterImageAsync(params (string Key, string Value)[] tags)
    {
        var snapshot = await CreateSnapshotAsync();
        var image = await MemberEc2.RegisterImageAsync(new RegisterImageRequest
        {
            Name = $"test-{Guid.NewGuid():N}",
            RootDeviceName = "/dev/xvda",
            BlockDeviceMappings = [new BlockDeviceMapping { DeviceName = "/dev/xvda", Ebs = new EbsBlockDevice { SnapshotId = snapshot } }],
        });
        if (tags.Length > 0)
        {
            await MemberEc2.CreateTagsAsync(new CreateTagsRequest { Resources = [image.ImageId], Tags = [.. tags.Select(t => new Tag(t.Key, t.Value))] });
        }

        return image.ImageId;
    }

    /// <summary>The snapshot's create-volume permissions as "group all" / "account N" lines, sorted.</summary>
    public async Task<IReadOnlyList<string>> SnapshotPermissionsAsync(string snapshotId)
    {
        var attribute = await MemberEc2.DescribeSnapshotAttributeAsync(new DescribeSnapshotAttributeRequest { SnapshotId = snapshotId, Attribute = SnapshotAttributeName.CreateVolumePermission });
        return [.. (attribute.CreateVolumePermissions ?? []).Select(p => p.Group is { } g ? $"group {g.Value}" : $"account {p.UserId}").Order(StringComparer.Ordinal)];
    }

    /// <summary>The image's launch permissions as "group all" / "account N" lines, sorted.</summary>
    public async Task<IReadOnlyList<string>> ImagePermissionsAsync(string imageId)
    {
        var attribute = await MemberEc2.DescribeImageAttributeAsync(new DescribeImageAttributeRequest { ImageId = imageId, Attribute = ImageAttributeName.LaunchPermission });
        return [.. (attribute.ImageAttribute?.LaunchPermissions ?? []).Select(p => p.Group is { } g ? $"group {g.Value}" : $"account {p.UserId}").Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Runs the shipped fixture <c>policies/tests/events/{fixture}.json</c> through the pipeline, its
    /// <paramref name="idParameter"/> (<c>snapshotId</c>, <c>imageId</c>) aimed at <paramref name="resourceId"/>.
    /// </summary>
    public async Task<AuditRecord> ProcessAsync(string fixture, string idParameter, string resourceId)
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
        detail["requestParameters"]![idParameter] = resourceId;
        var result = await Runtime.Pipeline.ProcessAsync(body.ToJsonString(), "m-1", CancellationToken.None);
        return result.Audit!;
    }

    public async ValueTask DisposeAsync() => await Slack.DisposeAsync();
}
