using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using OpsBot.Functions;
using OpsBot.Functions.Aws.Http;
using OpsBot.Functions.Brakes;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Slack.Connection;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Resources;

namespace OpsBot.Cli.Local;

/// <summary>
/// The production topology on an emulator: a central account with the state table, the alert topic
/// (and an SQS inbox subscribed to it), the central bus routing the policies' CloudTrail events to
/// the event queue; and a member account, reached by AssumeRole, set up from
/// <c>infra/member-account.yaml</c> (forwarding rule to the central bus, remediation role).
/// </summary>
public sealed class LocalTopology : IAsyncDisposable
{
    /// <summary>The member account the demo works in.</summary>
    public const string MemberAccount = "111111111111";

    /// <summary>The central bus name.</summary>
    public const string CentralBusName = "opsbot-central";

    private readonly SocketsHttpHandler _transport;

    private LocalTopology(SocketsHttpHandler transport) => _transport = transport;

    /// <summary>OpsBot wired to the central account.</summary>
    public OpsBotRuntime Runtime { get; private set; } = null!;

    /// <summary>The central account's id.</summary>
    public string CentralAccount { get; private set; } = "";

    /// <summary>The queue the central rule delivers to.</summary>
    public string EventQueueUrl { get; private set; } = "";

    /// <summary>The SQS queue subscribed to the alert topic.</summary>
    public string AlertInboxUrl { get; private set; } = "";

    /// <summary>The central bus ARN.</summary>
    public string CentralBusArn { get; private set; } = "";

    /// <summary>Credentials in the member account.</summary>
    public AWSCredentials MemberCredentials { get; private set; } = null!;

    /// <summary>Signed HTTP clients for the member account.</summary>
    public SignedHttpClientFactory MemberHttp { get; private set; } = null!;

    /// <summary>The central account's SQS client.</summary>
    public IAmazonSQS Sqs { get; private set; } = null!;

    /// <summary>The region everything lives in.</summary>
    public string Region => Runtime.Settings.Region;

    /// <summary>Creates the topology on the emulator at <paramref name="endpoint"/>, without Slack.</summary>
    public static Task<LocalTopology> CreateAsync(Uri endpoint, PolicySet policies, IReadOnlyList<string> policyPaths, string memberTemplate, bool forceNotify, Timeline timeline, CancellationToken cancellationToken) =>
        CreateAsync(endpoint, policies, policyPaths, memberTemplate, forceNotify, null, timeline, cancellationToken);

    /// <summary>
    /// Creates the topology on the emulator at <paramref name="endpoint"/>; with <paramref name="slack"/>, OpsBot also alerts there
    /// (e.g. a local Slack stand-in); <paramref name="brakes"/> replaces the default blast-radius and breaker limits.
    /// </summary>
    public static async Task<LocalTopology> CreateAsync(Uri endpoint, PolicySet policies, IReadOnlyList<string> policyPaths, string memberTemplate, bool forceNotify, SlackSettings? slack, Timeline timeline, CancellationToken cancellationToken, BrakeSettings? brakes = null)
    {
        const string region = "us-east-1";
        var topology = new LocalTopology(new SocketsHttpHandler());
        var credentials = new BasicAWSCredentials("testing", "testing");
        var environment = new DictionaryEnvironmentVariables(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = endpoint.ToString() });
        var endpoints = new AwsEndpoints(environment, endpoint);
        var centralHttp = new SignedHttpClientFactory(credentials, endpoints, topology._transport);

        string topicArn;
        using (var sns = new AwsQueryApi(centralHttp, "sns", "SNS", region, "2010-03-31"))
        {
            topicArn = AwsQueryApi.Value(await sns.CallAsync("CreateTopic", [new("Name", "opsbot-alerts")], cancellationToken), "TopicArn")!;
            var settings = new OpsBotSettings
            {
                TableName = "opsbot-state",
                AlertTopicArn = topicArn,
                EventBusName = CentralBusName,
                PolicyPaths = policyPaths,
                Region = region,
                EndpointUrl = endpoint,
                ForceNotify = forceNotify,
                Brakes = brakes ?? BrakeSettings.Default,
            };
            topology.Runtime = new OpsBotRuntime(settings, policies, credentials, environment, topology._transport, TimeProvider.System, slack);
            topology.Sqs = topology.Runtime.Clients.CreateSqs(region);
            topology.AlertInboxUrl = (await topology.Sqs.CreateQueueAsync("opsbot-alert-inbox", cancellationToken)).QueueUrl;
            await sns.CallAsync("Subscribe", [new("TopicArn", topicArn), new("Protocol", "sqs"), new("Endpoint", await QueueArnAsync(topology.Sqs, topology.AlertInboxUrl, cancellationToken))], cancellationToken);
        }

        await topology.Runtime.StateStore.EnsureTableAsync(cancellationToken);
        using (var sts = topology.Runtime.Clients.CreateSts(region))
        {
            topology.CentralAccount = (await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken)).Account;
            var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = $"arn:aws:iam::{MemberAccount}:role/opsbot-demo-admin", RoleSessionName = "opsbot-demo" }, cancellationToken);
            var c = assumed.Credentials;
            topology.MemberCredentials = new SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken);
            topology.MemberHttp = new SignedHttpClientFactory(topology.MemberCredentials, endpoints, topology._transport);
        }

        // run-local fits its invocation, lease and call budgets inside this (half, three quarters, a
        // quarter): 30 s leaves an emulator on a busy laptop several seconds per call.
        topology.EventQueueUrl = (await topology.Sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "opsbot-events", Attributes = new() { ["VisibilityTimeout"] = "30" } }, cancellationToken)).QueueUrl;
        using (var events = new EventBridgeAdmin(centralHttp, region))
        {
            topology.CentralBusArn = await events.CreateEventBusAsync(CentralBusName, cancellationToken);
            await events.PutRuleAsync(CentralBusName, "opsbot-cloudtrail", CloudTrailEventPattern.For(policies), cancellationToken);
            await events.PutTargetAsync(CentralBusName, "opsbot-cloudtrail", "event-queue", await QueueArnAsync(topology.Sqs, topology.EventQueueUrl, cancellationToken), null, cancellationToken);
        }

        timeline.Step("central", $"account {topology.CentralAccount}: state table opsbot-state, topic opsbot-alerts (+ SQS inbox), bus {CentralBusName}, rule opsbot-cloudtrail -> queue opsbot-events");
        await topology.CreateMemberStackAsync(memberTemplate, cancellationToken);
        timeline.Step("member", $"account {MemberAccount}: stack opsbot-member from {memberTemplate}: forwarding rule -> {CentralBusName}, role {topology.Runtime.Settings.MemberRoleName}");
        return topology;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Sqs?.Dispose();
        Runtime?.Dispose();
        _transport.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task CreateMemberStackAsync(string template, CancellationToken cancellationToken)
    {
        if (!File.Exists(template))
        {
            throw new FileNotFoundException($"member template '{template}' not found; run from the repository root or pass --member-template", template);
        }

        using var cloudFormation = new AwsQueryApi(MemberHttp, "cloudformation", "CLOUDFORMATION", Region, "2010-05-15");
        try
        {
            await CreateStackAsync(cloudFormation, template, cancellationToken);
        }
        catch (AwsCallException ex)
        {
            throw new Commands.InputFileException($"{template}: the emulator could not create the member stack from it: {ex.Message}");
        }

        var status = AwsQueryApi.Value(await cloudFormation.CallAsync("DescribeStacks", [new("StackName", "opsbot-member")], cancellationToken), "StackStatus");
        if (status != "CREATE_COMPLETE")
        {
            throw new InvalidOperationException($"member stack opsbot-member is {status}, not CREATE_COMPLETE");
        }
    }

    private async Task CreateStackAsync(AwsQueryApi cloudFormation, string template, CancellationToken cancellationToken)
    {
        await cloudFormation.CallAsync("CreateStack",
        [
            new("StackName", "opsbot-member"),
            new("TemplateBody", await File.ReadAllTextAsync(template, cancellationToken)),
            new("Capabilities.member.1", "CAPABILITY_NAMED_IAM"),
            new("Parameters.member.1.ParameterKey", "CentralEventBusArn"),
            new("Parameters.member.1.ParameterValue", CentralBusArn),
            new("Parameters.member.2.ParameterKey", "CentralFunctionRoleArns"),
            new("Parameters.member.2.ParameterValue", $"arn:aws:iam::{CentralAccount}:role/opsbot-EventHandlerRole,arn:aws:iam::{CentralAccount}:role/opsbot-SlackInteractionsRole,arn:aws:iam::{CentralAccount}:role/opsbot-SweeperRole"),
            new("Parameters.member.3.ParameterKey", "RemediationRoleName"),
            new("Parameters.member.3.ParameterValue", Runtime.Settings.MemberRoleName),
            new("Parameters.member.4.ParameterKey", "RemediationRoleRegion"),
            new("Parameters.member.4.ParameterValue", Region),
        ], cancellationToken);
    }

    private static async Task<string> QueueArnAsync(IAmazonSQS sqs, string queueUrl, CancellationToken cancellationToken) =>
        (await sqs.GetQueueAttributesAsync(queueUrl, ["QueueArn"], cancellationToken)).QueueARN;
}
