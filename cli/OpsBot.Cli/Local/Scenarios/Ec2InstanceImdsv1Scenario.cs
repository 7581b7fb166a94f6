using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using OpsBot.Functions.Audit;
using OpsBot.Functions.State;
using OpsBot.Rules.Resources.Ec2Instance;

namespace OpsBot.Cli.Local.Scenarios;

/// <summary>
/// A member launches an instance whose metadata service still answers IMDSv1. The shipped policy is
/// in approve mode (requiring tokens breaks software that only speaks IMDSv1), so the runner changes
/// nothing: it records an approval request for the policy's approvers, alerts and audits the event
/// as pending approval. The story checks exactly that; pressing Approve is the Slack side's part.
/// </summary>
public sealed class Ec2InstanceImdsv1Scenario : IDemoScenario
{
    private const string PolicyId = "ec2-instance-imdsv1-allowed";

    /// <inheritdoc />
    public string Name => "ec2-instance-imdsv1";

    /// <inheritdoc />
    public string ResourceType => Ec2InstanceResourceType.TypeName;

    /// <inheritdoc />
    public string Summary => "An instance launched with IMDSv1 allowed: an approval request to require tokens, the instance untouched until approved.";

    /// <inheritdoc />
    public string PassedLine => "demo passed: approval requested to require IMDSv2 on the instance, nothing changed before approval, alert sent, audit written";

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> RunAsync(ScenarioRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var ec2 = run.Topology.Runtime.Clients.CreateEc2(run.Topology.MemberCredentials, run.Region);
        var images = await ec2.DescribeImagesAsync(new DescribeImagesRequest(), cancellationToken);
        var image = images.Images is { Count: > 0 } list ? list[0].ImageId : "ami-0abcdef1234567890";
        var launched = await ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = image, InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1 }, cancellationToken);
        var instance = launched.Reservation.Instances[0].InstanceId;
        await ShowOptionsAsync(ec2, instance, $"instance {instance} launched without metadata options:", run.Timeline, cancellationToken);

        var request = new JsonObject
        {
            ["instancesSet"] = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["imageId"] = image, ["minCount"] = 1, ["maxCount"] = 1 }) },
            ["instanceType"] = "t3.micro",
        };
        var response = new JsonObject
        {
            ["reservationId"] = launched.Reservation.ReservationId,
            ["ownerId"] = run.Account,
            ["instancesSet"] = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["instanceId"] = instance, ["imageId"] = image, ["instanceState"] = new JsonObject { ["code"] = 0, ["name"] = "pending" } }) },
        };
        await run.SendAsync("aws.ec2", CloudTrailRecord.Write(run.Account, run.Region, "ec2.amazonaws.com", "RunInstances", request, response, "[aws-cli/2.17.12 md/awscrt#0.20.11 ua/2.0 os/linux command/ec2.run-instances]"), cancellationToken);

        var eventIds = await run.DrainAsync(cancellationToken);
        var problems = new List<string>();
        var options = await ShowOptionsAsync(ec2, instance, $"{instance} metadata options now:", run.Timeline, cancellationToken);
        if (options?.HttpTokens?.Value != "optional")
        {
            problems.Add($"the instance's HttpTokens is {options?.HttpTokens?.Value ?? "unknown"}: it was changed before anyone approved");
        }

        foreach (var eventId in eventIds)
        {
            var pending = await run.Topology.Runtime.StateStore.ReadPendingActionAsync(eventId, PolicyId, instance, cancellationToken);
            if (pending is not { Status: PendingStatus.Pending, Action.Action: "require-imdsv2" })
            {
                problems.Add($"no pending require-imdsv2 approval request for {instance} (event {eventId})");
                continue;
            }

            run.Timeline.Step("approval", $"{PolicyId}: require-imdsv2 on {instance} waits for {string.Join(", ", pending.Action.Approvers)} until {pending.Action.ExpiresAt:u}");
        }

        await run.ShowAlertsAsync(problems, cancellationToken);
        await run.ShowAuditAsync(eventIds, AuditOutcome.PendingApproval, problems, cancellationToken);
        return problems;
    }

    private static async Task<InstanceMetadataOptionsResponse?> ShowOptionsAsync(IAmazonEC2 ec2, string instance, string heading, Timeline timeline, CancellationToken cancellationToken)
    {
        var described = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instance] }, cancellationToken);
        var options = (described.Reservations ?? []).SelectMany(r => r.Instances ?? []).FirstOrDefault()?.MetadataOptions;
        timeline.Step("member", heading);
        timeline.Detail($"HttpTokens={options?.HttpTokens?.Value}, HttpEndpoint={options?.HttpEndpoint?.Value}, HttpPutResponseHopLimit={options?.HttpPutResponseHopLimit}");
        return options;
    }
}
