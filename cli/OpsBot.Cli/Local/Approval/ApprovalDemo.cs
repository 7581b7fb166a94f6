using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using OpsBot.Cli.Local.Scenarios;
using OpsBot.Functions;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Lambda;
using OpsBot.Functions.Runner;
using OpsBot.Functions.Slack.Connection;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.Slack.Secrets;
using OpsBot.Functions.Slack.Signing;
using OpsBot.Rules.Events;
using OpsBot.Rules.Policies;

namespace OpsBot.Cli.Local.Approval;

/// <summary>
/// The approval story end to end on the local topology (<c>opsbot demo --approve</c>): the admin-ports
/// policy runs in approve mode, a member opens SSH to the world, the CloudTrail event travels member bus
/// -> central bus -> queue -> runner, the approval request arrives at a local Slack stand-in (printed),
/// an approver's click is sent to the SlackInteractions function as Slack would send it (signed with the
/// signing secret, API Gateway payload v2), the group is fixed and the message is updated.
/// </summary>
public static class ApprovalDemo
{
    /// <summary>The policy the demo switches to approve mode.</summary>
    public const string PolicyId = "ec2-sg-admin-ports-public";

    /// <summary>The Slack user id allowed to approve in the demo.</summary>
    public const string Approver = "U0DEMOAPPROVER";

    private const string Channel = "C0DEMOALERTS";
    private const string BotToken = "xoxb-local-demo-token";

    /// <summary>Runs the story on <paramref name="topology"/>; 0 when every step checked out, 1 (with the reasons printed) otherwise.</summary>
    public static async Task<int> RunAsync(LocalTopology topology, Timeline timeline, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(output);
        if (topology.Runtime.Policies.Find(PolicyId) is not { } shipped)
        {
            output.WriteLine($"demo --approve: policy {PolicyId} is not loaded; run with the shipped policies");
            return 1;
        }

        await using var slack = new LocalSlack(output, BotToken);
        using var transport = new SocketsHttpHandler();
        var signingSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        using var runtime = CreateRuntime(topology, ApproveMode(topology.Runtime.Policies, shipped), slack, signingSecret, transport);
        timeline.Step("slack", $"local Slack on {slack.BaseAddress}; {PolicyId} set to mode approve, approvers [{Approver}], expires 1h");

        using var memberEc2 = runtime.Clients.CreateEc2(topology.MemberCredentials, topology.Region);
        var (groupId, created) = await OpenSshAsync(memberEc2, timeline, ct);
        var actor = $"arn:aws:sts::{LocalTopology.MemberAccount}:assumed-role/AWSReservedSSO_Developer/jane.doe@example.com";
        var detail = AuthorizeIngressRecord.Write(LocalTopology.MemberAccount, topology.Region, groupId, actor, created, DateTimeOffset.UtcNow);
        using (var memberEvents = new EventBridgeAdmin(topology.MemberHttp, topology.Region))
        {
            await memberEvents.PutEventAsync("default", "aws.ec2", CloudTrailEventReader.ApiCallDetailType, detail, ct);
        }

        timeline.Step("member", $"CloudTrail: AuthorizeSecurityGroupIngress on {groupId} by {actor} -> default bus -> {LocalTopology.CentralBusName} -> opsbot-events");
        var eventId = await RunQueueAsync(runtime, topology.EventQueueUrl, timeline, ct);
        var problems = new List<string>();
        var request = slack.Messages.FirstOrDefault(m => m.Method == "chat.postMessage" && m.ButtonValue(SlackActionIds.Approve) is not null);
        if (eventId is null || request is null || !SlackActionValue.TryParse(request.ButtonValue(SlackActionIds.Approve), out var value))
        {
            problems.Add(eventId is null ? "the runner processed no event" : "no approval request with an Approve button reached Slack");
            return Report(problems, timeline, output);
        }

        if ((await IngressAsync(memberEc2, groupId, ct)).All(r => r.FromPort != 22))
        {
            problems.Add("SSH was revoked before anyone approved");
        }

        timeline.Step("slack", $"{Approver} clicks Approve on message {request.Ts}");
        var status = await ClickApproveAsync(runtime, slack, signingSecret, value, request, timeline, ct);
        if (status != 200)
        {
            problems.Add($"the interactions function answered HTTP {status}");
        }

        var rules = await IngressAsync(memberEc2, groupId, ct);
        timeline.Step("member", rules.Count == 0
            ? $"{groupId} now has no ingress rule: SSH from the world is gone"
            : $"{groupId} now has {rules.Count} ingress rule(s): {string.Join(", ", rules.Select(r => $"{r.IpProtocol} {r.FromPort} from {r.CidrIpv4 ?? r.CidrIpv6}"))}");
        if (rules.Any(r => r.FromPort == 22))
        {
            problems.Add("SSH open to the world is still there after the approval");
        }

        var update = slack.Messages.LastOrDefault(m => m.Method == "chat.update" && m.Ts == request.Ts);
        if (update is null || !update.AllText().Contains($"Approved by <@{Approver}>", StringComparison.Ordinal))
        {
            problems.Add("the approval request was not updated to say who approved it");
        }

        await ShowAuditAsync(runtime, eventId, timeline, problems, ct);
        return Report(problems, timeline, output);
    }

    private static PolicySet ApproveMode(PolicySet policies, Policy shipped)
    {
        var approve = shipped with
        {
            Remediation = shipped.Remediation with { Mode = RemediationMode.Approve, Approvers = [Approver], Expires = TimeSpan.FromHours(1) },
            Notify = [.. shipped.Notify.Union([NotifyChannel.Slack])],
        };
        return new PolicySet([.. policies.All.Select(p => p.Id == PolicyId ? approve : p)], policies.Resources, policies.Actions);
    }

    private static OpsBotRuntime CreateRuntime(LocalTopology topology, PolicySet policies, LocalSlack slack, string signingSecret, HttpMessageHandler transport)
    {
        var secrets = new EnvironmentSlackSecretSource(new DictionaryEnvironmentVariables(new Dictionary<string, string>
        {
            [SlackEnvironment.BotToken] = BotToken,
            [SlackEnvironment.SigningSecret] = signingSecret,
            [SlackEnvironment.Channel] = Channel,
        }));
        var settings = new SlackSettings { Secrets = secrets, ApiBaseAddress = slack.WebApi };

        // Endpoints come from the topology's settings (an explicit emulator endpoint), not the environment.
        var environment = new DictionaryEnvironmentVariables(new Dictionary<string, string>());
        return new OpsBotRuntime(topology.Runtime.Settings, policies, topology.Runtime.Clients.CentralCredentials, environment, transport, TimeProvider.System, settings);
    }

    private static async Task<(string GroupId, IReadOnlyList<SecurityGroupRule> Created)> OpenSshAsync(IAmazonEC2 ec2, Timeline timeline, CancellationToken ct)
    {
        var group = await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest("ops-bastion-" + Guid.NewGuid().ToString("N")[..6], "bastion hosts"), ct);
        await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group.GroupId,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 22, ToPort = 22, Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0", Description = "temporary debugging" }] }],
        }, ct);
        var rules = await IngressAsync(ec2, group.GroupId, ct);
        timeline.Step("member", $"security group {group.GroupId} opened SSH to the world ({string.Join(", ", rules.Select(r => r.SecurityGroupRuleId))})");
        return (group.GroupId, rules);
    }

    private static async Task<string?> RunQueueAsync(OpsBotRuntime runtime, string queueUrl, Timeline timeline, CancellationToken ct)
    {
        string? eventId = null;
        void OnProcessed(object? sender, MessageProcessedEventArgs e)
        {
            if (e.Result?.Audit is { } audit)
            {
                eventId ??= e.Result.EventId;
                timeline.Step("runner", $"event {e.Result.EventId}: {audit.Outcome} - {audit.Reason}");
            }
            else if (e.Error is { } error)
            {
                timeline.Step("runner", $"message {e.MessageId} failed, left for redelivery: {error.Message}");
            }
        }

        runtime.EventHandler.MessageProcessed += OnProcessed;
        try
        {
            await runtime.CreateQueueRunner(new QueueRunnerOptions(queueUrl, Drain: true)).RunAsync(ct);
        }
        finally
        {
            runtime.EventHandler.MessageProcessed -= OnProcessed;
        }

        return eventId;
    }

    private static async Task<int> ClickApproveAsync(OpsBotRuntime runtime, LocalSlack slack, string signingSecret, SlackActionValue value, LocalSlackMessage request, Timeline timeline, CancellationToken ct)
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = Approver, ["username"] = "demo.approver" },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = request.Ts, ["channel_id"] = request.Channel },
            ["channel"] = new JsonObject { ["id"] = request.Channel },
            ["response_url"] = slack.NewResponseUrl().ToString(),
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = SlackActionIds.Approve, ["block_id"] = SlackActionIds.ActionsBlockId, ["value"] = value.ToString(), ["type"] = "button" }),
        };
        var body = "payload=" + Uri.EscapeDataString(payload.ToJsonString());
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = new SlackSignatureVerifier(signingSecret, TimeProvider.System).Sign(timestamp, body);
        var invocation = new JsonObject
        {
            ["version"] = "2.0",
            ["rawPath"] = "/slack/interactions",
            ["headers"] = new JsonObject
            {
                ["content-type"] = "application/x-www-form-urlencoded",
                ["x-slack-request-timestamp"] = timestamp,
                ["x-slack-signature"] = signature,
            },
            ["requestContext"] = new JsonObject { ["http"] = new JsonObject { ["method"] = "POST" } },
            ["body"] = body,
            ["isBase64Encoded"] = false,
        };
        timeline.Detail($"POST /slack/interactions, X-Slack-Signature {signature[..12]}… over v0:{timestamp}:<body> (signing secret not shown)");
        var started = TimeProvider.System.GetTimestamp();
        var response = await runtime.SlackInteractions!.HandleJsonAsync(invocation.ToJsonString(), ct);
        using var json = JsonDocument.Parse(response);
        var status = json.RootElement.GetProperty("statusCode").GetInt32();
        timeline.Step("lambda", $"SlackInteractions answered HTTP {status} in {TimeProvider.System.GetElapsedTime(started).TotalMilliseconds:0} ms");
        return status;
    }

    private static async Task ShowAuditAsync(OpsBotRuntime runtime, string eventId, Timeline timeline, List<string> problems, CancellationToken ct)
    {
        var record = await runtime.StateStore.ReadAuditAsync(eventId, ct);
        var decision = record?.Decisions.FirstOrDefault(d => d.PolicyId == PolicyId);
        timeline.Step("audit", $"{eventId}: {record?.Outcome.ToString() ?? "no record"}; {decision?.Reason ?? "no decision"}");
        foreach (var click in await runtime.StateStore.ReadInteractionsAsync(eventId, ct))
        {
            timeline.Detail($"click by {click.UserId} ({click.ActionId}): {click.Result} in {click.ElapsedMilliseconds} ms - {click.Reason}");
        }

        if (decision?.Outcome != AuditOutcome.Remediated)
        {
            problems.Add($"the audit record says {decision?.Outcome.ToString() ?? "nothing"} for {PolicyId}, expected Remediated after the approval");
        }
    }

    private static async Task<List<SecurityGroupRule>> IngressAsync(IAmazonEC2 ec2, string groupId, CancellationToken ct)
    {
        var response = await ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest { Filters = [new Filter("group-id", [groupId])] }, ct);
        return [.. (response.SecurityGroupRules ?? []).Where(r => r.GroupId == groupId && r.IsEgress != true).OrderBy(r => r.FromPort)];
    }

    private static int Report(List<string> problems, Timeline timeline, TextWriter output)
    {
        if (problems.Count == 0)
        {
            timeline.Step("demo", "approval flow passed: requested in Slack, approved by a signed click, group fixed, message updated");
            return 0;
        }

        foreach (var problem in problems)
        {
            output.WriteLine($"demo --approve: {problem}");
        }

        return 1;
    }
}
