namespace OpsBot.Functions.Slack.Secrets;

/// <summary>
/// The Slack app's credentials and destination. A class rather than a record so that no generated
/// <c>ToString</c>, <c>PrintMembers</c> or equality ever prints or compares the secrets by accident:
/// <see cref="ToString"/> says which values are present, never what they are.
/// </summary>
public sealed class SlackSecrets
{
    /// <summary>Credentials from their parts; null or empty parts mean "not configured".</summary>
    /// <param name="botToken">The bot user OAuth token (<c>xoxb-…</c>) for the Web API, or null in webhook-only mode.</param>
    /// <param name="signingSecret">The app's signing secret for request verification, or null when interactions are off.</param>
    /// <param name="channel">The channel id (or name) alerts go to, or null in webhook-only mode.</param>
    /// <param name="webhookUrl">An incoming-webhook URL (itself a secret), or null.</param>
    public SlackSecrets(string? botToken, string? signingSecret, string? channel, Uri? webhookUrl)
    {
        BotToken = string.IsNullOrWhiteSpace(botToken) ? null : botToken.Trim();
        SigningSecret = string.IsNullOrWhiteSpace(signingSecret) ? null : signingSecret.Trim();
        Channel = string.IsNullOrWhiteSpace(channel) ? null : channel.Trim();
        WebhookUrl = webhookUrl;
    }

    /// <summary>The bot token sent as <c>Authorization: Bearer</c>; null when only the webhook is configured.</summary>
    public string? BotToken { get; }

    /// <summary>The signing secret that Slack's interaction requests are verified with.</summary>
    public string? SigningSecret { get; }

    /// <summary>The channel alerts are posted to with the bot token.</summary>
    public string? Channel { get; }

    /// <summary>The incoming-webhook URL, for teams that only want alerts.</summary>
    public Uri? WebhookUrl { get; }

    /// <summary>True when alerts can be posted through the Web API (bot token and channel).</summary>
    public bool CanUseWebApi => BotToken is not null && Channel is not null;

    /// <summary>True when alerts can be posted through the incoming webhook.</summary>
    public bool CanUseWebhook => WebhookUrl is not null;

    /// <summary>Which settings are present, with every secret value hidden.</summary>
    public override string ToString() =>
        $"SlackSecrets {{ BotToken = {Hidden(BotToken)}, SigningSecret = {Hidden(SigningSecret)}, Channel = {Channel ?? "(none)"}, WebhookUrl = {Hidden(WebhookUrl?.OriginalString)} }}";

    private static string Hidden(string? value) => value is null ? "(none)" : "(set, hidden)";
}
