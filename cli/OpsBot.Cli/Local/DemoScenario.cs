using System.Text.Json;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.SQS.Model;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Lambda;
using OpsBot.Functions.Runner;
using OpsBot.Rules.Events;

namespace OpsBot.Cli.Local;

/// <summary>
/// The enforce story end to end on the local topology: a member opens SSH and HTTPS to the world,
/// CloudTrail's event travels member bus -> central bus -> queue, the runner remediates through the
/// assumed role, SSH goes, HTTPS stays, an SNS alert arrives and the audit record is written.
/// </summary>
public sealed class DemoScenario(LocalTopology topology, Timeline timeline)
{
    /// <summary>Runs the story; returns the problems found (none: the demo passed).</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken)
    {
        using var memberEc2 = topology.Runtime.Clients.CreateEc2(topology.MemberCredentials, topology.Region);
        var (groupId, created) = await OpenGroupAsync(memberEc2, cancellationToken);
        var actor = $"arn:aws:sts::{LocalTopology.MemberAccount}:assumed-role/AWSReservedSSO_Developer/jane.doe@example.com";
        var detail = CloudTrailEventFactory.AuthorizeIngress(LocalTopology.MemberAccount, topology.Region, groupId, actor, created, DateTimeOffset.UtcNow);
        using (var memberEvents = new EventBridgeAdmin(topology.MemberHttp, topology.Region))
        {
            await memberEvents.PutEventAsync("default", "aws.ec2", CloudTrailEventReader.ApiCallDetailType, detail, cancellationToken);
        }

        timeline.Step("member", $"CloudTrail: AuthorizeSecurityGroupIngress on {groupId} by {actor} from 203.0.113.24 -> default bus");
        var queued = await topology.Sqs.GetQueueAttributesAsync(topology.EventQueueUrl, ["ApproximateNumberOfMessages"], cancellationToken);
        timeline.Step("central", $"forwarded to {LocalTopology.CentralBusName}, routed to opsbot-events: {queued.ApproximateNumberOfMessages} message(s) waiting");

        var eventIds = await RunQueueAsync(cancellationToken);
        var problems = new List<string>();
        await CheckGroupAsync(memberEc2, groupId, problems, cancellationToken);
        await ShowAlertsAsync(problems, cancellationToken);
        await ShowAuditAsync(eventIds, problems, cancellationToken);
        return problems;
    }

    private async Task<(string GroupId, IReadOnlyList<SecurityGroupRule> Created)> OpenGroupAsync(IAmazonEC2 ec2, CancellationToken cancellationToken)
    {
        var group = await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest("web-frontend", "public web tier"), cancellationToken);
        await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group.GroupId,
            IpPermissions =
            [
                new IpPermission { IpProtocol = "tcp", FromPort = 22, ToPort = 22, Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0", Description = "debugging" }] },
                new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] },
            ],
        }, cancellationToken);
        var rules = await IngressAsync(ec2, group.GroupId, cancellationToken);
        timeline.Step("member", $"security group {group.GroupId} 'web-frontend' opened to the world:");
        foreach (var rule in rules)
        {
            timeline.Detail(Describe(rule));
        }

        return (group.GroupId, rules);
    }

    private async Task<List<string>> RunQueueAsync(CancellationToken cancellationToken)
    {
        var eventIds = new List<string>();
        void OnProcessed(object? sender, MessageProcessedEventArgs e)
        {
            if (e.Result?.Audit is { } audit)
            {
                eventIds.Add(e.Result.EventId);
                timeline.Step("runner", $"event {e.Result.EventId}: {audit.Outcome.ToString().ToLowerInvariant()} - {audit.Reason}");
            }
            else
            {
                timeline.Step("runner", e.Error is null ? $"message {e.MessageId}: duplicate, already handled" : $"message {e.MessageId} failed, left for redelivery: {e.Error.Message}");
            }
        }

        topology.Runtime.EventHandler.MessageProcessed += OnProcessed;
        try
        {
            var summary = await topology.Runtime.CreateQueueRunner(new QueueRunnerOptions(topology.EventQueueUrl, Drain: true)).RunAsync(cancellationToken);
            timeline.Step("runner", $"queue drained: {summary.Received} received, {summary.Deleted} done, {summary.Failed} failed");
        }
        finally
        {
            topology.Runtime.EventHandler.MessageProcessed -= OnProcessed;
        }

        return eventIds;
    }

    private async Task CheckGroupAsync(IAmazonEC2 ec2, string groupId, List<string> problems, CancellationToken cancellationToken)
    {
        var rules = await IngressAsync(ec2, groupId, cancellationToken);
        timeline.Step("member", $"{groupId} now has {rules.Count} ingress rule(s):");
        foreach (var rule in rules)
        {
            timeline.Detail(Describe(rule));
        }

        if (rules.Any(r => r.FromPort == 22))
        {
            problems.Add("SSH open to the world was not revoked");
        }

        if (!rules.Any(r => r.FromPort == 443 && r.CidrIpv4 == "0.0.0.0/0"))
        {
            problems.Add("HTTPS was removed although no policy forbids it");
        }
    }

    private async Task ShowAlertsAsync(List<string> problems, CancellationToken cancellationToken)
    {
        var received = await topology.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = topology.AlertInboxUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 1 }, cancellationToken);
        var alerts = received.Messages ?? [];
        if (alerts.Count == 0)
        {
            problems.Add("no SNS alert arrived");
            return;
        }

        foreach (var message in alerts)
        {
            using var envelope = JsonDocument.Parse(message.Body);
            var subject = envelope.RootElement.TryGetProperty("Subject", out var s) ? s.GetString() : "(no subject)";
            timeline.Step("sns", $"alert on opsbot-alerts: {subject}");
            if (envelope.RootElement.TryGetProperty("Message", out var body))
            {
                timeline.Detail(Shorten(body.GetString() ?? "", 400));
            }
        }
    }

    private async Task ShowAuditAsync(List<string> eventIds, List<string> problems, CancellationToken cancellationToken)
    {
        if (eventIds.Count == 0)
        {
            problems.Add("the runner processed no event");
            return;
        }

        foreach (var eventId in eventIds)
        {
            var record = await topology.Runtime.StateStore.ReadAuditAsync(eventId, cancellationToken);
            if (record is null)
            {
                problems.Add($"no audit record for {eventId}");
                continue;
            }

            timeline.Step("audit", $"{record.EventId}: {record.Outcome} in {record.Account}/{record.Region}, actor {record.Actor.Arn} ({record.Actor.SourceIp})");
            foreach (var decision in record.Decisions)
            {
                timeline.Detail($"{decision.PolicyId} (policy sha256 {decision.PolicyHash[..12]}…): {decision.Outcome}, compliant after: {decision.CompliantAfter?.ToString() ?? "not verified"}");
                foreach (var revoked in decision.Revoked)
                {
                    timeline.Detail($"  revoked {revoked}");
                }
            }

            if (record.Outcome != AuditOutcome.Remediated)
            {
                problems.Add($"audit record {eventId} says {record.Outcome}, expected Remediated");
            }
        }
    }

    private static async Task<List<SecurityGroupRule>> IngressAsync(IAmazonEC2 ec2, string groupId, CancellationToken cancellationToken)
    {
        var response = await ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest { Filters = [new Filter("group-id", [groupId])] }, cancellationToken);
        return [.. (response.SecurityGroupRules ?? []).Where(r => r.GroupId == groupId && r.IsEgress != true).OrderBy(r => r.FromPort)];
    }

    private static string Describe(SecurityGroupRule rule) =>
        $"{rule.SecurityGroupRuleId}: {rule.IpProtocol} {rule.FromPort}{(rule.ToPort != rule.FromPort ? "-" + rule.ToPort : "")} from {rule.CidrIpv4 ?? rule.CidrIpv6 ?? rule.PrefixListId ?? rule.ReferencedGroupInfo?.GroupId}";

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
