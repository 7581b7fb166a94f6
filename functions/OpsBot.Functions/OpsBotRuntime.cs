using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.SQS;
using OpsBot.Functions.Aws;
using OpsBot.Functions.Aws.EventBridge;
using OpsBot.Functions.Aws.Http;
using OpsBot.Functions.Aws.Sns;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Lambda;
using OpsBot.Functions.Pipeline;
using OpsBot.Functions.Runner;
using OpsBot.Functions.State;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions;

/// <summary>
/// The wiring, in one place: from settings, policies, credentials, environment, an HTTP transport
/// and a clock to the pipeline, the Lambda handler and the local runner. The Lambda bootstrap, the
/// CLI (<c>run-local</c>, <c>demo</c>) and the integration tests all build OpsBot through it.
/// </summary>
public sealed class OpsBotRuntime : IDisposable
{
    private readonly AssumeRoleSessions _sessions;
    private readonly SnsAlertPublisher _alerts;
    private readonly EventBridgeResultPublisher _events;
    private readonly IAmazonSQS _sqs;

    /// <summary>Wires OpsBot.</summary>
    /// <param name="settings">Validated settings.</param>
    /// <param name="policies">The loaded policies.</param>
    /// <param name="credentials">The central account's credentials.</param>
    /// <param name="environment">Where endpoint overrides (<c>AWS_ENDPOINT_URL*</c>) are read.</param>
    /// <param name="transport">The HTTP handler SNS and EventBridge requests go through (shared, not disposed here).</param>
    /// <param name="clock">The clock.</param>
    public OpsBotRuntime(OpsBotSettings settings, PolicySet policies, AWSCredentials credentials, IEnvironmentVariables environment, HttpMessageHandler transport, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Settings = settings;
        Policies = policies;
        var endpoints = new AwsEndpoints(environment, settings.EndpointUrl);
        Clients = new AwsClientFactory(endpoints, credentials);
        var signed = new SignedHttpClientFactory(credentials, endpoints, transport);
        StateStore = new DynamoDbStateStore(Clients.CreateDynamoDb(settings.Region), settings.TableName, clock);
        _sessions = new AssumeRoleSessions(Clients, settings.Region, settings.MemberRoleName, clock);
        _alerts = new SnsAlertPublisher(signed, settings.AlertTopicArn);
        _events = new EventBridgeResultPublisher(signed, settings.Region, settings.EventBusName);
        _sqs = Clients.CreateSqs(settings.Region);
        Pipeline = new RemediationPipeline(policies, StateStore, _sessions, _alerts, _events, new PipelineOptions(settings.ForceNotify), clock);
        EventHandler = new EventHandlerFunction(Pipeline);
    }

    /// <summary>The settings in force.</summary>
    public OpsBotSettings Settings { get; }

    /// <summary>The policies in force.</summary>
    public PolicySet Policies { get; }

    /// <summary>Creates further AWS clients with the same endpoints and credentials.</summary>
    public AwsClientFactory Clients { get; }

    /// <summary>The state table (create it with <see cref="DynamoDbStateStore.EnsureTableAsync"/>; read audit records from it).</summary>
    public DynamoDbStateStore StateStore { get; }

    /// <summary>The remediation pipeline.</summary>
    public RemediationPipeline Pipeline { get; }

    /// <summary>The event-handler Lambda's logic.</summary>
    public EventHandlerFunction EventHandler { get; }

    /// <summary>
    /// Reads settings from <paramref name="environment"/> (see <see cref="OpsBotSettings"/>), applies
    /// <paramref name="adjust"/> (command-line options), loads the policies and uses the SDK's default
    /// credential chain.
    /// </summary>
    /// <exception cref="InvalidSettingException">A setting is missing or malformed.</exception>
    /// <exception cref="PolicyLoadException">A policy is invalid.</exception>
    public static OpsBotRuntime FromEnvironment(IEnvironmentVariables environment, HttpMessageHandler transport, TimeProvider clock, Func<OpsBotSettings, OpsBotSettings>? adjust = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var settings = OpsBotSettings.Read(environment);
        settings = adjust?.Invoke(settings) ?? settings;
        var policies = PolicySet.Load([.. settings.PolicyPaths]);
        return new OpsBotRuntime(settings, policies, DefaultAWSCredentialsIdentityResolver.GetCredentials(null), environment, transport, clock);
    }

    /// <summary>A runner that polls <see cref="QueueRunnerOptions.QueueUrl"/> into <see cref="EventHandler"/>.</summary>
    public QueueRunner CreateQueueRunner(QueueRunnerOptions options) => new(_sqs, EventHandler, options);

    /// <inheritdoc />
    public void Dispose()
    {
        _sessions.Dispose();
        _alerts.Dispose();
        _events.Dispose();
        _sqs.Dispose();
    }
}
