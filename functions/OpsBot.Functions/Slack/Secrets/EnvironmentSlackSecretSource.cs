using OpsBot.Functions.Configuration;

namespace OpsBot.Functions.Slack.Secrets;

/// <summary>
/// Reads the Slack credentials from <see cref="SlackEnvironment"/> variables. Validation errors name
/// the variable and the rule broken, never the value.
/// </summary>
public sealed class EnvironmentSlackSecretSource(IEnvironmentVariables environment) : ISlackSecretSource
{
    /// <inheritdoc />
    /// <exception cref="InvalidSettingException">A variable is malformed, or neither the Web API nor a webhook is configured.</exception>
    public Task<SlackSecrets> GetAsync(CancellationToken cancellationToken)
    {
        var token = environment.Get(SlackEnvironment.BotToken);
        if (!string.IsNullOrWhiteSpace(token) && !token.Trim().StartsWith("xox", StringComparison.Ordinal))
        {
            throw new InvalidSettingException(SlackEnvironment.BotToken, "is not a Slack token (expected a value starting with 'xoxb-'); the value is not shown");
        }

        if (!string.IsNullOrWhiteSpace(token) && token.Trim().Any(char.IsWhiteSpace))
        {
            throw new InvalidSettingException(SlackEnvironment.BotToken, "contains whitespace; the value is not shown");
        }

        Uri? webhook = null;
        var webhookText = environment.Get(SlackEnvironment.WebhookUrl);
        if (!string.IsNullOrWhiteSpace(webhookText)
            && (!Uri.TryCreate(webhookText.Trim(), UriKind.Absolute, out webhook) || (webhook.Scheme != Uri.UriSchemeHttps && webhook.Scheme != Uri.UriSchemeHttp)))
        {
            throw new InvalidSettingException(SlackEnvironment.WebhookUrl, "is not an absolute http(s) URL; the value is not shown");
        }

        var secrets = new SlackSecrets(token, environment.Get(SlackEnvironment.SigningSecret), environment.Get(SlackEnvironment.Channel), webhook);
        if (secrets.BotToken is not null && secrets.Channel is null)
        {
            throw new InvalidSettingException(SlackEnvironment.Channel, $"is required when {SlackEnvironment.BotToken} is set");
        }

        if (!secrets.CanUseWebApi && !secrets.CanUseWebhook)
        {
            throw new InvalidSettingException(SlackEnvironment.BotToken, $"set {SlackEnvironment.BotToken} and {SlackEnvironment.Channel}, or {SlackEnvironment.WebhookUrl}");
        }

        return Task.FromResult(secrets);
    }
}
