using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.SQS;
using OpsBot.Functions.Approvals;
using OpsBot.Functions.Aws;
using OpsBot.Functions.Aws.EventBridge;
using OpsBot.Functions.Aws.Http;
using OpsBot.Functions.Aws.Organizations;
using OpsBot.Functions.Aws.Sns;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Lambda;
using OpsBot.Functions.Observability;
using OpsBot.Functions.Outbox;
using OpsBot.Functions.Brakes;
using OpsBot.Functions.Holds;
using OpsBot.Functions.Pipeline;
using OpsBot.Functions.Runner;
using OpsBot.Functions.Slack.Alerts;
using OpsBot.Functions.Slack.Client;
using OpsBot.Functions.Slack.Connection;
using OpsBot.Functions.Slack.Interactions;
using OpsBot.Functions.Slack.Secrets;
using OpsBot.Functions.Slack.Signing;
using OpsBot.Functions.Slack.Threading;
using OpsBot.Functions.State;
using OpsBot.Functions.Sweep;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions;

/// <summary>
/// The wiring, in one place: from settings, policies, credentials, environment, an HTTP transport
/// and a clock to the pipeline, the Lambda handler and the local runner. The Lambda bootstrap, the
/// CLI (<c>run-local</c>, <c>demo</c>) and the integration tests all build OpsBot through it.
/// </summary>
public sealed class OpsBotRuntime : IDisposable
{
    private readonly TimeProvider _clock;
    private readonly AssumeRoleSessions _sessions;
    private readonly SnsAlertPublisher _alerts;
    private readonly EventBridgeResultPublisher _events;
    private readonly IAmazonSQS _sqs;
    private readonly HttpClient? _slackHttp;
    private readonly SignedServiceClient? _secretsManager;
    private readonly OrganizationsClient? _organizations;

    /// <summary>Wires OpsBot without Slack (alerts go to SNS only).</summary>
    /// <param name="settings">Validated settings.</param>
    /// <param name="policies">The loaded policies.</param>
    /// <param name="credentials">The central account's credentials.</param>
    /// <param name="environment">Where endpoint overrides (<c>AWS_ENDPOINT_URL*</c>) are read.</param>
    /// <param name="transport">The HTTP handler SNS and EventBridge requests go through (shared, not disposed here).</param>
    /// <param name="clock">The clock.</param>
    public OpsBotRuntime(OpsBotSettings settings, PolicySet policies, AWSCredentials credentials, IEnvironmentVariables environment, HttpMessageHandler transport, TimeProvider clock)
        : this(settings, policies, credentials, environment, transport, clock, null)
    {
    }

    /// <summary>Wires OpsBot, with Slack alerts, approvals and interactions when <paramref name="slack"/> is given.</summary>
    /// <param name="settings">Validated settings.</param>
    /// <param name="policies">The loaded policies.</param>
    /// <param name="credentials">The central account's credentials.</param>
    /// <param name="environment">Where endpoint overrides (<c>AWS_ENDPOINT_URL*</c>) are read.</param>
    /// <param name="transport">The HTTP handler SNS and EventBridge requests go through (shared, not disposed here).</param>
    /// <param name="clock">The clock.</param>
    /// <param name="slack">How to reach Slack, or null for no Slack.</param>
    /// <param name="metrics">Where delivery alarms are signalled; null for embedded metrics on the function log.</param>
    /// <param name="observer">Where per-policy outcome metrics and structured logs go (stdout on Lambda); null for none (the CLI, whose stdout is its report).</param>
    public OpsBotRuntime(OpsBotSettings settings, PolicySet policies, AWSCredentials credentials, IEnvironmentVariables environment, HttpMessageHandler transport, TimeProvider clock, SlackSettings? slack, IDeliveryMetrics? metrics = null, OutcomeObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Settings = settings;
        _clock = clock;
        Policies = policies;
        var endpoints = new AwsEndpoints(environment, settings.EndpointUrl);
        Clients = new AwsClientFactory(endpoints, credentials, settings.AwsRetry);
        AwsCalls = new AwsCallStatistics();
        var signed = new SignedHttpClientFactory(credentials, endpoints, transport, new AwsCallPolicy(settings.AwsRetry, AwsCalls));
        StateStore = new DynamoDbStateStore(Clients.CreateDynamoDb(settings.Region), settings.TableName, clock, settings.Lease ?? ClaimLease.ForFunction(settings.FunctionTimeout));
        Metrics = metrics ?? new EmbeddedMetricDeliveryMetrics(Console.Out, clock);
        Observer = observer ?? OutcomeObserver.To(TextWriter.Null, policies, clock);
        StuckClaims = new StuckClaimCheck(StateStore, Metrics, clock);
        _sessions = new AssumeRoleSessions(Clients, settings.Region, settings.MemberRoleName, clock);
        _alerts = new SnsAlertPublisher(signed, settings.AlertTopicArn);
        _events = new EventBridgeResultPublisher(signed, settings.Region, settings.EventBusName);
        _sqs = Clients.CreateSqs(settings.Region);
        SlackAlertPublisher? slackAlerts = null;
        if (slack is not null)
        {
            ISlackSecretSource secrets;
            if (slack.Secrets is { } given)
            {
                secrets = given;
            }
            else if (slack.UseSecretsManager)
            {
                _secretsManager = signed.CreateService("secretsmanager", "SECRETS_MANAGER", settings.Region);
                secrets = new SecretsManagerSlackSecretSource(_secretsManager, environment);
            }
            else
            {
                secrets = new EnvironmentSlackSecretSource(environment);
            }

            // Slack answers in well under a second; a hung connection must not eat the interaction's 3 s.
            _slackHttp = new HttpClient(transport, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(10) };
            Slack = new SlackWorkspace(secrets, _slackHttp, new SlackClientOptions { BaseAddress = slack.ApiBaseAddress }, clock);
            slackAlerts = new SlackAlertPublisher(Slack, StateStore, new InMemorySlackThreadTracker(clock, slack.ThreadWindow));
        }

        BrakeCounters = new BrakeCounters(Clients.CreateDynamoDb(settings.Region), settings.TableName);
        Holds = new HoldStore(Clients.CreateDynamoDb(settings.Region), settings.TableName);
        HeldViolations = new HeldViolations(Clients.CreateDynamoDb(settings.Region), settings.TableName);
        var brakes = new RemediationBrakes(BrakeCounters, settings.Brakes, new EmbeddedMetricBrakeMetrics(Console.Out, clock), clock, HeldViolations);
        Pipeline = new RemediationPipeline(policies, StateStore, _sessions, _alerts, _events, new PipelineOptions(settings.ForceNotify, OwnRoleName: settings.MemberRoleName), clock, slackAlerts, Observer.Watch(Metrics), brakes: brakes, holds: Holds, observer: Observer);
        EventHandler = new EventHandlerFunction(Pipeline, settings.MessageBudget, clock);
        EventHandler.MessageProcessed += Observer.OnMessageProcessed;
        var announcer = new AuditAnnouncer(policies, StateStore, _alerts, _events, PipelineOptions.DefaultResultDetailType, Observer.Watch(Metrics));
        var self = slack?.ActorUsers ?? SelfApprovalGuard.Unmapped;
        var undoUsers = slack?.UndoUsers ?? [];
        var brakeClicks = new BrakeClicks(
            new HeldBatchRelease(policies, StateStore, HeldViolations, _sessions, clock, undoUsers, announcer),
            new BreakerReset(policies, StateStore, BrakeCounters, settings.Brakes.BreakerApprovers is { Count: > 0 } breakerApprovers ? breakerApprovers : undoUsers, clock));
        Approvals = new ApprovalWorkflow(policies, StateStore, _sessions, clock, undoUsers, Slack is null ? null : new SlackUserGroupDirectory(Slack), announcer, holds: Holds, selfApproval: self, observer: Observer, brakes: brakeClicks);
        Exemptions = new ExemptionWorkflow(policies, StateStore, Holds, Approvals, self, clock);
        Sweeper = new PendingApprovalSweeper(Approvals, Slack);
        _organizations = settings.Sweep.UseOrganization ? new OrganizationsClient(signed) : null;
        MissedViolations = new MissedViolationSweep(Pipeline, _sessions, settings.Sweep, clock, new SweepAccountSource(_organizations, _sessions, settings.SweepAccounts));
        SlackInteractions = Slack is null ? null : new SlackInteractionsFunction(Slack, Approvals, StateStore, clock, holds: new HoldInteractions(policies, Approvals, Exemptions), observer: Observer, replays: new SignatureReplayCache(Clients.CreateDynamoDb(settings.Region), settings.TableName, clock));
    }

    /// <summary>Counts claims stuck in processing, for the sweeper.</summary>
    public StuckClaimCheck StuckClaims { get; }

    /// <summary>Where per-policy outcome metrics and structured log lines go.</summary>
    public OutcomeObserver Observer { get; }

    /// <summary>Where delivery alarms (given-up announcements, stuck claims) are signalled.</summary>
    public IDeliveryMetrics Metrics { get; }

    /// <summary>OpsBot's Slack app, or null when Slack is not configured.</summary>
    public SlackWorkspace? Slack { get; }

    /// <summary>Settles approvals, denials, expiries and undos.</summary>
    public ApprovalWorkflow Approvals { get; }

    /// <summary>Expires lapsed approval requests (the Sweeper Lambda calls <see cref="PendingApprovalSweeper.ExpirePendingAsync"/>).</summary>
    public PendingApprovalSweeper Sweeper { get; }

    /// <summary>Scans member accounts for violations no event reported (the Sweeper Lambda: the organization's accounts and <see cref="OpsBotSettings.SweepAccounts"/>).</summary>
    public MissedViolationSweep MissedViolations { get; }

    /// <summary>Calls, retries and give-ups of the hand-written AWS clients (SNS, EventBridge, Secrets Manager, Organizations), per service.</summary>
    public AwsCallStatistics AwsCalls { get; }

    /// <summary>The SlackInteractions Lambda's logic, or null when Slack is not configured.</summary>
    public SlackInteractionsFunction? SlackInteractions { get; }

    /// <summary>The settings in force.</summary>
    public OpsBotSettings Settings { get; }

    /// <summary>The policies in force.</summary>
    public PolicySet Policies { get; }

    /// <summary>Creates further AWS clients with the same endpoints and credentials.</summary>
    public AwsClientFactory Clients { get; }

    /// <summary>The state table (create it with <see cref="DynamoDbStateStore.EnsureTableAsync"/>; read audit records from it).</summary>
    public DynamoDbStateStore StateStore { get; }

    /// <summary>Suppressions (after Undo) and exemptions in the state table.</summary>
    public HoldStore Holds { get; }

    /// <summary>Records exemptions granted from Slack.</summary>
    public ExemptionWorkflow Exemptions { get; }

    /// <summary>The brakes' counters and the circuit breaker in the state table.</summary>
    public BrakeCounters BrakeCounters { get; }

    /// <summary>The violations the blast-radius limit held, per account window, for release.</summary>
    public HeldViolations HeldViolations { get; }

    /// <summary>The remediation pipeline.</summary>
    public RemediationPipeline Pipeline { get; }

    /// <summary>The event-handler Lambda's logic.</summary>
    public EventHandlerFunction EventHandler { get; }

    /// <summary>
    /// Reads settings from <paramref name="environment"/> (see <see cref="OpsBotSettings"/>, and
    /// <see cref="SlackSettings.Read"/> for the optional Slack variables), applies
    /// <paramref name="adjust"/> (command-line options), loads the policies and uses the SDK's default
    /// credential chain.
    /// </summary>
    /// <param name="environment">Where the settings are read.</param>
    /// <param name="transport">The HTTP handler SNS and EventBridge requests go through.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="adjust">Changes to the settings read, or null.</param>
    /// <param name="log">Where structured logs and outcome metrics go, each line naming the function <c>_HANDLER</c> names (stdout on Lambda); null for none.</param>
    /// <exception cref="InvalidSettingException">A setting is missing or malformed.</exception>
    /// <exception cref="PolicyLoadException">A policy is invalid.</exception>
    public static OpsBotRuntime FromEnvironment(IEnvironmentVariables environment, HttpMessageHandler transport, TimeProvider clock, Func<OpsBotSettings, OpsBotSettings>? adjust = null, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var settings = OpsBotSettings.Read(environment);
        settings = adjust?.Invoke(settings) ?? settings;
        var policies = PolicySet.Load([.. settings.PolicyPaths]);
        var observer = log is null ? null : OutcomeObserver.To(log, policies, clock, environment.Get("_HANDLER"));
        return new OpsBotRuntime(settings, policies, DefaultAWSCredentialsIdentityResolver.GetCredentials(null), environment, transport, clock, SlackSettings.Read(environment), observer: observer);
    }

    /// <summary>A runner that polls <see cref="QueueRunnerOptions.QueueUrl"/> into <see cref="EventHandler"/>.</summary>
    public QueueRunner CreateQueueRunner(QueueRunnerOptions options) => new(_sqs, EventHandler, options, _clock, Settings.FunctionTimeout);

    /// <inheritdoc />
    public void Dispose()
    {
        _sessions.Dispose();
        _alerts.Dispose();
        _events.Dispose();
        _sqs.Dispose();
        _slackHttp?.Dispose();
        _secretsManager?.Dispose();
        _organizations?.Dispose();
    }
}
