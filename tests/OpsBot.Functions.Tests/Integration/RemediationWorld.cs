using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using OpsBot.Functions.Aws.Http;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Slack.Connection;
using OpsBot.Cli.Local;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Tests.Integration;

/// <summary>
/// One test's world on moto: a central account (moto's default) holding the state table, the alert
/// topic with an SQS subscription to read alerts from, and OpsBot wired to them; and a member account
/// reached by AssumeRole, where the security groups live. Every name is unique to the test.
/// </summary>
internal sealed class RemediationWorld : IAsyncDisposable
{
    public const string Region = "us-east-1";
    public const string MemberAccount = "111111111111";

    private static readonly Lazy<PolicySet> ShippedPolicies = new(() => PolicySet.Load(RepositoryPaths.Policies));
    private readonly SocketsHttpHandler _transport;
    private readonly IAmazonSQS _sqs;

    private RemediationWorld(OpsBotRuntime runtime, SocketsHttpHandler transport, IAmazonSQS sqs, IAmazonEC2 memberEc2, AWSCredentials memberCredentials, string alertQueueUrl, string queueUrl)
    {
        MemberCredentials = memberCredentials;
        Runtime = runtime;
        _transport = transport;
        _sqs = sqs;
        MemberEc2 = memberEc2;
        AlertQueueUrl = alertQueueUrl;
        EventQueueUrl = queueUrl;
    }

    public OpsBotRuntime Runtime { get; }

    public IAmazonEC2 MemberEc2 { get; }

    /// <summary>Credentials of the remediation role in the member account, for clients of other services.</summary>
    public AWSCredentials MemberCredentials { get; }

    public string AlertQueueUrl { get; }

    public string EventQueueUrl { get; }

    public IAmazonSQS Sqs => _sqs;

    public static async Task<RemediationWorld> CreateAsync(MotoServer moto, bool forceNotify = false, Func<OpsBotSettings, OpsBotSettings>? adjust = null, PolicySet? policies = null, SlackSettings? slack = null, TimeProvider? clock = null, Outbox.IDeliveryMetrics? metrics = null, OpsBot.Functions.Observability.OutcomeObserver? observer = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var credentials = new BasicAWSCredentials("testing", "testing");
        var environment = new DictionaryEnvironmentVariables(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = moto.Endpoint.ToString() });
        var transport = new SocketsHttpHandler();
        var endpoints = new AwsEndpoints(environment);

        using var topics = new SnsTopicSetup(new SignedHttpClientFactory(credentials, endpoints, transport), Region);
        var topicArn = await topics.CreateTopicAsync("opsbot-alerts-" + suffix);
        var settings = new OpsBotSettings
        {
            TableName = "opsbot-state-" + suffix,
            AlertTopicArn = topicArn,
            EventBusName = "default",
            PolicyPaths = [RepositoryPaths.Policies],
            Region = Region,
            ForceNotify = forceNotify,
        };
        settings = adjust?.Invoke(settings) ?? settings;
        var runtime = new OpsBotRuntime(settings, policies ?? ShippedPolicies.Value, credentials, environment, transport, clock ?? TimeProvider.System, slack, metrics ?? new RecordingDeliveryMetrics(), observer);
        await runtime.StateStore.EnsureTableAsync(CancellationToken.None);

        var sqs = runtime.Clients.CreateSqs(Region);
        var alertQueue = await sqs.CreateQueueAsync("opsbot-alerts-" + suffix);
        var eventQueue = await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "opsbot-events-" + suffix, Attributes = new() { ["VisibilityTimeout"] = "1" } });
        var attributes = await sqs.GetQueueAttributesAsync(alertQueue.QueueUrl, ["QueueArn"]);
        await topics.SubscribeQueueAsync(topicArn, attributes.QueueARN);

        using var sts = runtime.Clients.CreateSts(Region);
        var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = $"arn:aws:iam::{MemberAccount}:role/{OpsBotSettings.DefaultMemberRoleName}",
            RoleSessionName = "test-setup",
        });
        var c = assumed.Credentials;
        var memberCredentials = new SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken);
        var memberEc2 = runtime.Clients.CreateEc2(memberCredentials, Region);
        return new RemediationWorld(runtime, transport, sqs, memberEc2, memberCredentials, alertQueue.QueueUrl, eventQueue.QueueUrl);
    }

    /// <summary>Creates a group in the member account with the given ingress rules; returns its id and rule ids by "protocol port cidr".</summary>
    public async Task<(string GroupId, IReadOnlyDictionary<string, string> RuleIds)> CreateGroupAsync(string name, params (int Port, string Cidr)[] ingress)
    {
        var created = await MemberEc2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest(name + "-" + Guid.NewGuid().ToString("N")[..6], "OpsBot test group"));
        foreach (var (port, cidr) in ingress)
        {
            var permission = new IpPermission { IpProtocol = "tcp", FromPort = port, ToPort = port };
            if (cidr.Contains(':', StringComparison.Ordinal))
            {
                permission.Ipv6Ranges = [new Ipv6Range { CidrIpv6 = cidr }];
            }
            else
            {
                permission.Ipv4Ranges = [new IpRange { CidrIp = cidr }];
            }

            await MemberEc2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = created.GroupId, IpPermissions = [permission] });
        }

        var rules = await IngressRulesAsync(created.GroupId);
        return (created.GroupId, rules.ToDictionary(r => $"{r.FromPort} {r.CidrIpv4 ?? r.CidrIpv6}", r => r.SecurityGroupRuleId));
    }

    /// <summary>The group's ingress rules as EC2 reports them now, in the member account.</summary>
    public async Task<IReadOnlyList<SecurityGroupRule>> IngressRulesAsync(string groupId)
    {
        var response = await MemberEc2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest { Filters = [new Filter("group-id", [groupId])] });
        return [.. (response.SecurityGroupRules ?? []).Where(r => r.GroupId == groupId && r.IsEgress != true)];
    }

    /// <summary>Reads every alert that arrived on the topic's subscribed queue, waiting briefly for stragglers.</summary>
    public async Task<IReadOnlyList<ReceivedAlert>> DrainAlertsAsync()
    {
        var alerts = new List<ReceivedAlert>();
        var emptyReceives = 0;
        while (emptyReceives < 2)
        {
            var received = await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = AlertQueueUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 1 });
            var messages = received.Messages ?? [];
            if (messages.Count == 0)
            {
                emptyReceives++;
                continue;
            }

            foreach (var message in messages)
            {
                alerts.Add(ReceivedAlert.Parse(message.Body));
                await _sqs.DeleteMessageAsync(AlertQueueUrl, message.ReceiptHandle);
            }
        }

        return alerts;
    }

    public async ValueTask DisposeAsync()
    {
        Runtime.Dispose();
        MemberEc2.Dispose();
        _sqs.Dispose();
        _transport.Dispose();
        await Task.CompletedTask;
    }
}
