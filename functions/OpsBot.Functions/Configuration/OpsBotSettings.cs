using System.Text.RegularExpressions;
using OpsBot.Functions.Sweep;

namespace OpsBot.Functions.Configuration;

/// <summary>
/// Everything OpsBot needs to know about its surroundings, read once at start-up and validated
/// there, so a missing or malformed setting stops start-up with its name instead of failing later.
/// </summary>
/// <remarks>
/// Environment variables (see <see cref="Read"/>):
/// <list type="table">
/// <item><term><c>OPSBOT_TABLE</c></term><description>DynamoDB state table name (required).</description></item>
/// <item><term><c>OPSBOT_TOPIC_ARN</c></term><description>SNS alert topic ARN (required).</description></item>
/// <item><term><c>OPSBOT_EVENT_BUS</c></term><description>EventBridge bus name or ARN for result events (required).</description></item>
/// <item><term><c>OPSBOT_MEMBER_ROLE</c></term><description>Role name assumed in member accounts (default <c>OpsBotRemediationRole</c>).</description></item>
/// <item><term><c>OPSBOT_FORCE_NOTIFY</c></term><description><c>true</c> forces every policy to notify mode, for a first roll-out (default <c>false</c>).</description></item>
/// <item><term><c>OPSBOT_POLICIES</c></term><description>Policy files or folders, separated by the platform path separator or commas (required).</description></item>
/// <item><term><c>OPSBOT_SWEEP_*</c></term><description>The sweeper's scope and pacing (see <see cref="SweepOptions"/>).</description></item>
/// <item><term><c>OPSBOT_ACCOUNT_ACTIONS</c>, <c>OPSBOT_BREAKER_ACTIONS_PER_MINUTE</c></term><description>The blast-radius limit and the circuit breaker (see <see cref="Brakes.BrakeSettings"/>).</description></item>
/// <item><term><c>AWS_REGION</c></term><description>The central region (required; <c>AWS_DEFAULT_REGION</c> is accepted as a fallback).</description></item>
/// </list>
/// Endpoints are not settings of their own: <see cref="EndpointUrl"/> (from a command-line option) wins,
/// then <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then <c>AWS_ENDPOINT_URL</c> (see <see cref="AwsEndpoints"/>).
/// </remarks>
public sealed partial record OpsBotSettings
{
    /// <summary>Variable holding <see cref="TableName"/>.</summary>
    public const string TableVariable = "OPSBOT_TABLE";

    /// <summary>Variable holding <see cref="AlertTopicArn"/>.</summary>
    public const string TopicVariable = "OPSBOT_TOPIC_ARN";

    /// <summary>Variable holding <see cref="EventBusName"/>.</summary>
    public const string EventBusVariable = "OPSBOT_EVENT_BUS";

    /// <summary>Variable holding <see cref="MemberRoleName"/>.</summary>
    public const string MemberRoleVariable = "OPSBOT_MEMBER_ROLE";

    /// <summary>Variable holding <see cref="ForceNotify"/>.</summary>
    public const string ForceNotifyVariable = "OPSBOT_FORCE_NOTIFY";

    /// <summary>Variable holding <see cref="PolicyPaths"/>.</summary>
    public const string PoliciesVariable = "OPSBOT_POLICIES";

    /// <summary>Variable holding <see cref="SweepAccounts"/>.</summary>
    public const string SweepAccountsVariable = "OPSBOT_SWEEP_ACCOUNTS";

    /// <summary>Variable holding <see cref="SweepRegions"/>.</summary>
    public const string SweepRegionsVariable = "OPSBOT_SWEEP_REGIONS";

    /// <summary>Variable holding <see cref="Region"/>.</summary>
    public const string RegionVariable = "AWS_REGION";

    /// <summary>The environment variable of the event handler's timeout in seconds (the claim lease is derived from it).</summary>
    public const string FunctionTimeoutVariable = "OPSBOT_FUNCTION_TIMEOUT_SECONDS";

    /// <summary>The environment variable of the time budget per message in seconds.</summary>
    public const string MessageBudgetVariable = "OPSBOT_MESSAGE_BUDGET_SECONDS";

    /// <summary>The role name assumed in member accounts when none is configured.</summary>
    public const string DefaultMemberRoleName = "OpsBotRemediationRole";

    /// <summary>The DynamoDB state table (idempotency keys, audit records, pending actions).</summary>
    public required string TableName { get; init; }

    /// <summary>The SNS topic alerts are published to.</summary>
    public required string AlertTopicArn { get; init; }

    /// <summary>The EventBridge bus result events are put on.</summary>
    public required string EventBusName { get; init; }

    /// <summary>The role assumed in each member account, e.g. <c>OpsBotRemediationRole</c>.</summary>
    public string MemberRoleName { get; init; } = DefaultMemberRoleName;

    /// <summary>When true every policy runs in notify mode whatever it declares: nothing is changed.</summary>
    public bool ForceNotify { get; init; }

    /// <summary>Policy files or folders.</summary>
    public required IReadOnlyList<string> PolicyPaths { get; init; }

    /// <summary>The central region.</summary>
    public required string Region { get; init; }

    /// <summary>Member accounts the sweeper scans for violations that no event reported (empty: no scan).</summary>
    public IReadOnlyList<string> SweepAccounts { get; init; } = [];

    /// <summary>Regions the sweeper scans in each account (empty: the central region).</summary>
    public IReadOnlyList<string> SweepRegions { get; init; } = [];

    /// <summary>The longest one invocation of the event handler runs (its Lambda timeout); the claim lease is this plus a margin.</summary>
    public TimeSpan FunctionTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The time one message may take: a message is not started with less than this left in the
    /// invocation, and its calls are cancelled when it runs out.
    /// </summary>
    public TimeSpan MessageBudget { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How every AWS call is bounded and retried: attempts, per-attempt timeout and the whole call's
    /// budget, for the hand-written clients (SNS, EventBridge, Secrets Manager, Organizations) and the
    /// SDK clients alike (their timeout and error retries). The budget fits inside <see cref="MessageBudget"/>.
    /// </summary>
    public Aws.Http.AwsRetryOptions AwsRetry { get; init; } = Aws.Http.AwsRetryOptions.Default;

    /// <summary>The claim lease, when not derived from <see cref="FunctionTimeout"/> (the local runner derives it from its queue's visibility timeout).</summary>
    public State.ClaimLease? Lease { get; init; }

    /// <summary>Whether the sweeper covers the organization, and how it paces itself.</summary>
    public SweepOptions Sweep { get; init; } = SweepOptions.Default;

    /// <summary>The blast-radius limit per member account and the circuit breaker's rate.</summary>
    public Brakes.BrakeSettings Brakes { get; init; } = Functions.Brakes.BrakeSettings.Default;

    /// <summary>An explicit endpoint for every AWS service (an emulator), overriding the environment; null for none.</summary>
    public Uri? EndpointUrl { get; init; }

    /// <summary>
    /// These settings for a worker whose claims are held for <paramref name="lease"/> (a local runner on a
    /// queue with a short visibility timeout): the invocation, each message and each AWS call are
    /// shortened to fit inside it.
    /// </summary>
    public OpsBotSettings FittedTo(State.ClaimLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        // Half the invocation at most, so a batch gets through more than its first message.
        var budget = MessageBudget < lease.FunctionTimeout / 2 ? MessageBudget : lease.FunctionTimeout / 2;
        return this with
        {
            Lease = lease,
            FunctionTimeout = lease.FunctionTimeout,
            MessageBudget = budget,
            AwsRetry = AwsRetry with
            {
                Budget = AwsRetry.Budget < budget ? AwsRetry.Budget : budget,
                AttemptTimeout = AwsRetry.AttemptTimeout < budget / 2 ? AwsRetry.AttemptTimeout : budget / 2,
            },
        };
    }

    /// <summary>Reads and validates the settings from <paramref name="environment"/>.</summary>
    /// <exception cref="InvalidSettingException">A setting is missing or malformed; names it.</exception>
    public static OpsBotSettings Read(IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(environment);

        // Every missing setting at once, so a first run is fixed in one go rather than one per try.
        List<string> missing = [.. new[] { TableVariable, TopicVariable, EventBusVariable, PoliciesVariable }.Where(v => Optional(environment, v) is null)];
        if (Optional(environment, RegionVariable) is null && Optional(environment, "AWS_DEFAULT_REGION") is null)
        {
            missing.Add(RegionVariable);
        }

        if (missing.Count > 1)
        {
            throw new InvalidSettingException(string.Join(", ", missing), "are not set");
        }

        var settings = new OpsBotSettings
        {
            TableName = Required(environment, TableVariable),
            AlertTopicArn = Required(environment, TopicVariable),
            EventBusName = Required(environment, EventBusVariable),
            MemberRoleName = Optional(environment, MemberRoleVariable) ?? DefaultMemberRoleName,
            ForceNotify = ReadBoolean(environment, ForceNotifyVariable),
            PolicyPaths = SplitPaths(Required(environment, PoliciesVariable)),
            Region = Optional(environment, RegionVariable) ?? Optional(environment, "AWS_DEFAULT_REGION")
                ?? throw new InvalidSettingException(RegionVariable, "is not set (nor AWS_DEFAULT_REGION)"),
            SweepAccounts = SplitList(Optional(environment, SweepAccountsVariable)),
            SweepRegions = SplitList(Optional(environment, SweepRegionsVariable)),
            FunctionTimeout = ReadSeconds(environment, FunctionTimeoutVariable) ?? TimeSpan.FromSeconds(60),
            MessageBudget = ReadSeconds(environment, MessageBudgetVariable) ?? TimeSpan.FromSeconds(20),
            Sweep = SweepOptions.Read(environment),
            Brakes = Functions.Brakes.BrakeSettings.Read(environment),
        };
        settings.Validate();
        return settings;
    }

    /// <summary>Checks every value; call after changing settings with <c>with</c> (e.g. from command-line options).</summary>
    /// <exception cref="InvalidSettingException">A setting is malformed; names it.</exception>
    public void Validate()
    {
        Check(TableVariable, TableName, TableNamePattern(), "must be a DynamoDB table name (3-255 of A-Z a-z 0-9 _ - .)");
        Check(TopicVariable, AlertTopicArn, TopicArnPattern(), "must be an SNS topic ARN, e.g. arn:aws:sns:eu-west-1:123456789012:opsbot-alerts");
        Check(EventBusVariable, EventBusName, EventBusPattern(), "must be an EventBridge bus name or ARN");
        Check(MemberRoleVariable, MemberRoleName, RoleNamePattern(), "must be an IAM role name (1-64 of A-Z a-z 0-9 + = , . @ _ -)");
        Check(RegionVariable, Region, RegionPattern(), "must be an AWS region, e.g. eu-west-1");
        if (PolicyPaths is null || PolicyPaths.Count == 0 || PolicyPaths.Any(string.IsNullOrWhiteSpace))
        {
            throw new InvalidSettingException(PoliciesVariable, "must name at least one policy file or folder");
        }

        foreach (var account in SweepAccounts ?? [])
        {
            Check(SweepAccountsVariable, account, AccountPattern(), "must be a 12-digit AWS account id");
        }

        foreach (var region in SweepRegions ?? [])
        {
            Check(SweepRegionsVariable, region, RegionPattern(), "must be an AWS region, e.g. eu-west-1");
        }

        if (FunctionTimeout <= TimeSpan.Zero || FunctionTimeout > TimeSpan.FromMinutes(15))
        {
            throw new InvalidSettingException(FunctionTimeoutVariable, $"{FunctionTimeout.TotalSeconds} s must be between 1 and 900 seconds (a Lambda timeout)");
        }

        if (MessageBudget <= TimeSpan.Zero || MessageBudget > FunctionTimeout)
        {
            throw new InvalidSettingException(MessageBudgetVariable, $"{MessageBudget.TotalSeconds} s must be positive and at most the function timeout ({FunctionTimeout.TotalSeconds} s)");
        }

        if (AwsRetry.Budget > MessageBudget)
        {
            throw new InvalidSettingException(MessageBudgetVariable, $"{MessageBudget.TotalSeconds} s is shorter than one AWS call's retry budget ({AwsRetry.Budget.TotalSeconds} s): a message must have room for its slowest call");
        }

        if (EndpointUrl is { } endpoint && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            throw new InvalidSettingException("endpoint-url", $"'{endpoint}' must be an absolute http or https URL");
        }
    }

    private static void Check(string setting, string? value, Regex pattern, string expectation)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidSettingException(setting, "is not set");
        }

        if (!pattern.IsMatch(value))
        {
            throw new InvalidSettingException(setting, $"'{value}' {expectation}");
        }
    }

    private static string Required(IEnvironmentVariables environment, string name) =>
        Optional(environment, name) ?? throw new InvalidSettingException(name, "is not set");

    private static string? Optional(IEnvironmentVariables environment, string name) =>
        environment.Get(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static bool ReadBoolean(IEnvironmentVariables environment, string name) =>
        Optional(environment, name)?.ToLowerInvariant() switch
        {
            null or "false" or "0" or "no" => false,
            "true" or "1" or "yes" => true,
            var other => throw new InvalidSettingException(name, $"'{other}' must be true or false"),
        };

    private static TimeSpan? ReadSeconds(IEnvironmentVariables environment, string name) =>
        Optional(environment, name) is not { } text ? null
        : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds)
        : throw new InvalidSettingException(name, $"'{text}' must be a whole number of seconds");

    private static string[] SplitList(string? value) =>
        value is null ? [] : value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string[] SplitPaths(string value) =>
        value.Split([Path.PathSeparator, ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]{3,255}$")]
    private static partial Regex TableNamePattern();

    [GeneratedRegex(@"^arn:aws[a-z\-]*:sns:[a-z0-9\-]+:\d{12}:[A-Za-z0-9_\-]{1,256}(\.fifo)?$")]
    private static partial Regex TopicArnPattern();

    [GeneratedRegex(@"^(arn:aws[a-z\-]*:events:[a-z0-9\-]+:\d{12}:event-bus/)?[A-Za-z0-9/._\-]{1,256}$")]
    private static partial Regex EventBusPattern();

    [GeneratedRegex(@"^[A-Za-z0-9+=,.@_\-]{1,64}$")]
    private static partial Regex RoleNamePattern();

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d+$")]
    private static partial Regex RegionPattern();
}
