using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.State;
using OpsBot.Functions.Tests.Integration;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Tests.Brakes;

/// <summary>
/// A <see cref="SlackApprovalWorld"/> running the shipped policies (or given ones) on EBS snapshots in
/// the member account: public snapshots made and re-opened there, and the shipped ModifySnapshotAttribute
/// fixture re-aimed at them with the caller's user agent chosen, through the pipeline on the world's virtual clock.
/// </summary>
internal sealed class BrakesWorld : IAsyncDisposable
{
    public const string TerraformAgent = "APN/1.0 HashiCorp/1.0 Terraform/1.9.0 (+https://www.terraform.io) terraform-provider-aws/5.60.0";

    private static readonly Lazy<PolicySet> ShippedPolicies = new(() => PolicySet.Load(RepositoryPaths.Policies));

    private BrakesWorld(SlackApprovalWorld slack) => Slack = slack;

    public SlackApprovalWorld Slack { get; }

    public OpsBotRuntime Runtime => Slack.Runtime;

    public IAmazonEC2 MemberEc2 => Slack.World.MemberEc2;

    public static async Task<BrakesWorld> CreateAsync(MotoServer moto, Func<OpsBotSettings, OpsBotSettings>? adjust = null, PolicySet? policies = null)
    {
        var slack = await SlackApprovalWorld.CreateAsync(moto, policies ?? ShippedPolicies.Value, adjust: adjust);

        // The brakes count in clock-aligned windows (a minute, ten minutes, an hour): every test starts
        // one second into a fresh hour, so the minutes it advances never cross a window it does not mean to.
        var now = slack.Clock.GetUtcNow();
        var nextHour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
        slack.Clock.Advance(nextHour - now + TimeSpan.FromSeconds(1));
        return new(slack);
    }

    /// <summary>Creates a snapshot (tagged with <paramref name="tags"/>); returns its id.</summary>
    public async Task<string> CreateSnapshotAsync(params (string Key, string Value)[] tags)
    {
        var volume = await MemberEc2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = RemediationWorld.Region + "a", Size = 1 });
        var snapshot = await MemberEc2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume.Volume.VolumeId, Description = "brakes" });
        if (tags.Length > 0)
        {
            await MemberEc2.CreateTagsAsync(new CreateTagsRequest { Resources = [snapshot.Snapshot.SnapshotId], Tags = [.. tags.Select(t => new Tag(t.Key, t.Value))] });
        }

        return snapshot.Snapshot.SnapshotId;
    }

    /// <summary>Makes <paramref name="snapshotId"/> public, then runs the CloudTrail event of that call through the pipeline.</summary>
    public async Task<AuditRecord> OpenAndProcessAsync(string snapshotId, string? userAgent = null)
    {
        await MemberEc2.ModifySnapshotAttributeAsync(new ModifySnapshotAttributeRequest { SnapshotId = snapshotId, Attribute = SnapshotAttributeName.CreateVolumePermission, OperationType = OperationType.Add, GroupNames = ["all"] });
        var body = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Policies, "tests", "events", "ec2-snapshot-public.json")))!;
        var now = Slack.Clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var detail = body["detail"]!;
        body["id"] = "evt-" + Guid.NewGuid();
        body["time"] = now;
        body["region"] = RemediationWorld.Region;
        detail["eventID"] = Guid.NewGuid().ToString();
        detail["eventTime"] = now;
        detail["awsRegion"] = RemediationWorld.Region;
        detail["requestParameters"]!["snapshotId"] = snapshotId;
        if (userAgent is not null)
        {
            detail["userAgent"] = userAgent;
        }

        var result = await Runtime.Pipeline.ProcessAsync(body.ToJsonString(), "m-1", CancellationToken.None);
        return result.Audit!;
    }

    /// <summary>True when the snapshot has the create-volume permission for the group all.</summary>
    public async Task<bool> IsPublicAsync(string snapshotId)
    {
        var attribute = await MemberEc2.DescribeSnapshotAttributeAsync(new DescribeSnapshotAttributeRequest { SnapshotId = snapshotId, Attribute = SnapshotAttributeName.CreateVolumePermission });
        return (attribute.CreateVolumePermissions ?? []).Any(p => p.Group?.Value == "all");
    }

    /// <summary>Clicks <paramref name="actionId"/> as <paramref name="userId"/> on the alert of the only decision of <paramref name="announcing"/>; returns the HTTP status.</summary>
    public Task<int> ClickOnAlertAsync(string actionId, AuditRecord announcing, string userId)
    {
        var decision = Assert.Single(announcing.Decisions);
        return Slack.ClickAsync(actionId, new SlackActionValue(announcing.EventId, decision.PolicyId, decision.ResourceId), userId, new SlackMessageLocation(SlackApprovalWorld.Channel, "1700000000.000001"));
    }

    /// <summary>The <c>action_id</c>s of the buttons on every Slack message posted whose text contains <paramref name="marker"/>.</summary>
    public IReadOnlyList<string> ButtonsOfPostsWith(string marker) =>
        [.. Slack.Requests("/api/chat.postMessage").Where(p => SlackApprovalWorld.Text(p).Contains(marker, StringComparison.Ordinal))
            .SelectMany(p => p["blocks"]!.AsArray().Where(b => (string?)b!["type"] == "actions").SelectMany(b => b!["elements"]!.AsArray()))
            .Select(e => (string)e!["action_id"]!)];

    /// <summary>The texts of every chat.update sent.</summary>
    public IReadOnlyList<string> SlackUpdates() => [.. Slack.Requests("/api/chat.update").Select(SlackApprovalWorld.Text)];

    /// <summary>How many of <paramref name="snapshots"/> are public now.</summary>
    public async Task<int> PublicCountAsync(IEnumerable<string> snapshots)
    {
        var count = 0;
        foreach (var snapshot in snapshots)
        {
            count += await IsPublicAsync(snapshot) ? 1 : 0;
        }

        return count;
    }

    /// <summary>The texts of every Slack message posted (chat.postMessage), as JSON with markup as written.</summary>
    public IReadOnlyList<string> SlackPosts() => [.. Slack.Requests("/api/chat.postMessage").Select(SlackApprovalWorld.Text)];

    /// <summary>The SNS alerts delivered since the last call, as JSON text.</summary>
    public async Task<IReadOnlyList<string>> SnsAlertsAsync() =>
        [.. (await Slack.World.DrainAlertsAsync()).Select(a => a.Message.GetRawText())];

    public async ValueTask DisposeAsync() => await Slack.DisposeAsync();
}
