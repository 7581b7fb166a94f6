using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using OpsBot.Functions.Audit;
using OpsBot.Rules.Resources.Ec2Snapshot;

namespace OpsBot.Cli.Local.Scenarios;

/// <summary>
/// A member makes an EBS snapshot public (create-volume permission for the group 'all') beside a
/// share with one partner account; the runner removes the public permission through the assumed
/// role and keeps the share, alerts and audits with the replaced permissions kept for undo.
/// </summary>
public sealed class Ec2SnapshotPublicScenario : IDemoScenario
{
    private const string Partner = "444455556666";

    /// <inheritdoc />
    public string Name => "ec2-snapshot-public";

    /// <inheritdoc />
    public string ResourceType => Ec2SnapshotResourceType.TypeName;

    /// <inheritdoc />
    public string Summary => "An EBS snapshot made public: the group 'all' permission is removed, the share with a partner account stays.";

    /// <inheritdoc />
    public string PassedLine => "demo passed: the snapshot's group 'all' permission removed, the partner account's share kept, alert sent, audit written";

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var ec2 = run.Topology.Runtime.Clients.CreateEc2(run.Topology.MemberCredentials, run.Region);
        var volume = await ec2.CreateVolumeAsync(new CreateVolumeRequest { AvailabilityZone = run.Region + "a", Size = 8 }, cancellationToken);
        var snapshotId = (await ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume.Volume.VolumeId, Description = "nightly database backup" }, cancellationToken)).Snapshot.SnapshotId;
        await ec2.ModifySnapshotAttributeAsync(new ModifySnapshotAttributeRequest { SnapshotId = snapshotId, Attribute = SnapshotAttributeName.CreateVolumePermission, OperationType = OperationType.Add, UserIds = [Partner] }, cancellationToken);
        await ec2.ModifySnapshotAttributeAsync(new ModifySnapshotAttributeRequest { SnapshotId = snapshotId, Attribute = SnapshotAttributeName.CreateVolumePermission, OperationType = OperationType.Add, GroupNames = ["all"] }, cancellationToken);
        await ShowPermissionsAsync(ec2, snapshotId, $"snapshot {snapshotId} shared with account {Partner}, then made public:", run.Timeline, cancellationToken);

        var request = new JsonObject
        {
            ["snapshotId"] = snapshotId,
            ["createVolumePermission"] = new JsonObject { ["add"] = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["group"] = "all" }) } },
            ["attributeType"] = "CREATE_VOLUME_PERMISSION",
        };
        var response = new JsonObject { ["requestId"] = Guid.NewGuid().ToString(), ["_return"] = true };
        await run.SendAsync("aws.ec2", CloudTrailRecord.Write(run.Account, run.Region, "ec2.amazonaws.com", "ModifySnapshotAttribute", request, response, "aws-cli/2.17.12 md/awscrt#0.20.11 ua/2.0 os/linux command/ec2.modify-snapshot-attribute"), cancellationToken);

        var eventIds = await run.DrainAsync(cancellationToken);
        var problems = new List<string>();
        var permissions = await ShowPermissionsAsync(ec2, snapshotId, $"{snapshotId} create-volume permissions now:", run.Timeline, cancellationToken);
        if (permissions.Any(p => p.Group == PermissionGroup.All))
        {
            problems.Add("the group 'all' permission was not removed");
        }

        if (!permissions.Any(p => p.UserId == Partner))
        {
            problems.Add("the partner account's share was removed although no policy forbids it");
        }

        await run.ShowAlertsAsync(problems, cancellationToken);
        await run.ShowAuditAsync(eventIds, AuditOutcome.Remediated, problems, cancellationToken);
        return problems;
    }

    private static async Task<List<CreateVolumePermission>> ShowPermissionsAsync(IAmazonEC2 ec2, string snapshotId, string heading, Timeline timeline, CancellationToken cancellationToken)
    {
        var permissions = (await ec2.DescribeSnapshotAttributeAsync(new DescribeSnapshotAttributeRequest { SnapshotId = snapshotId, Attribute = SnapshotAttributeName.CreateVolumePermission }, cancellationToken)).CreateVolumePermissions ?? [];
        timeline.Step("member", heading);
        foreach (var permission in permissions)
        {
            timeline.Detail(permission.Group is { } group ? $"group {group.Value}" : $"account {permission.UserId}");
        }

        return permissions;
    }
}
