using OpsBot.Functions.Configuration;
using OpsBot.Functions.Slack.Secrets;

namespace OpsBot.Functions.Slack.Connection;

/// <summary>
/// How OpsBot reaches Slack. Slack is optional: without these settings alerts go to SNS only and
/// no interaction is accepted. Holds no secret itself: <see cref="Secrets"/> reads them when first needed.
/// </summary>
/// <remarks>
/// From the environment (<see cref="Read"/>): Slack is on when <c>OPSBOT_SLACK_BOT_TOKEN</c>,
/// <c>OPSBOT_SLACK_WEBHOOK_URL</c>, <c>OPSBOT_SLACK_SIGNING_SECRET</c> or <c>OPSBOT_SLACK_SECRET_ARN</c> is set.
/// With the ARN, the token and signing secret come from Secrets Manager; otherwise from the variables
/// (see <see cref="SlackEnvironment"/>). <c>OPSBOT_SLACK_API_URL</c> points the Web API elsewhere (a
/// local stand-in); <c>OPSBOT_SLACK_UNDO_USERS</c> lists who may undo besides each policy's approvers;
/// <c>OPSBOT_SLACK_ACTOR_USERS</c> maps Slack users to their IAM identities (<c>U123=arn:aws:iam::…:user/alice,…</c>).
/// </remarks>
public sealed record SlackSettings
{
    /// <summary>Where the credentials come from; null means "build it from the environment" (the runtime does).</summary>
    public ISlackSecretSource? Secrets { get; init; }

    /// <summary>True when the credentials are in the Secrets Manager secret named by <c>OPSBOT_SLACK_SECRET_ARN</c>.</summary>
    public bool UseSecretsManager { get; init; }

    /// <summary>The Web API base address; method names are appended.</summary>
    public Uri ApiBaseAddress { get; init; } = Client.SlackClientOptions.SlackWebApi;

    /// <summary>Slack user ids allowed to press Undo on any remediation, besides the policy's approvers.</summary>
    public IReadOnlyList<string> UndoUsers { get; init; } = [];

    /// <summary>Who the Slack users are in CloudTrail (<c>OPSBOT_SLACK_ACTOR_USERS</c>), so nobody approves, undoes or exempts their own change.</summary>
    public Holds.SelfApprovalGuard ActorUsers { get; init; } = Holds.SelfApprovalGuard.Unmapped;

    /// <summary>Alerts for the same account, resource and policy within this window are threaded.</summary>
    public TimeSpan ThreadWindow { get; init; } = Threading.InMemorySlackThreadTracker.DefaultWindow;

    /// <summary>The Slack settings in <paramref name="environment"/>, or null when Slack is not configured.</summary>
    /// <exception cref="InvalidSettingException">A Slack variable is malformed; names it, never its value.</exception>
    public static SlackSettings? Read(IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var useSecretsManager = IsSet(environment, SlackEnvironment.SecretArn);
        if (!useSecretsManager && !IsSet(environment, SlackEnvironment.BotToken) && !IsSet(environment, SlackEnvironment.WebhookUrl) && !IsSet(environment, SlackEnvironment.SigningSecret))
        {
            return null;
        }

        var api = Client.SlackClientOptions.SlackWebApi;
        if (environment.Get(SlackEnvironment.ApiUrl) is { } text && !string.IsNullOrWhiteSpace(text))
        {
            var trimmed = text.Trim();
            if (!Uri.TryCreate(trimmed.EndsWith('/') ? trimmed : trimmed + "/", UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
            {
                throw new InvalidSettingException(SlackEnvironment.ApiUrl, $"'{trimmed}' must be an absolute http(s) URL");
            }

            api = parsed;
        }

        var undoUsers = (environment.Get(SlackEnvironment.UndoUsers) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (undoUsers.FirstOrDefault(u => u.Length < 2 || u[0] is not ('U' or 'W') || !u.All(char.IsAsciiLetterOrDigit)) is { } bad)
        {
            throw new InvalidSettingException(SlackEnvironment.UndoUsers, $"'{bad}' is not a Slack user id (U… or W…)");
        }

        return new SlackSettings { UseSecretsManager = useSecretsManager, ApiBaseAddress = api, UndoUsers = undoUsers, ActorUsers = Holds.SelfApprovalGuard.Read(environment) };
    }

    private static bool IsSet(IEnvironmentVariables environment, string name) => !string.IsNullOrWhiteSpace(environment.Get(name));
}
