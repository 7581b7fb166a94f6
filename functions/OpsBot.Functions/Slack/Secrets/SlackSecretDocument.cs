namespace OpsBot.Functions.Slack.Secrets;

/// <summary>The JSON stored in the Slack secret: <c>{"botToken":"xoxb-…","signingSecret":"…"}</c>.</summary>
internal sealed record SlackSecretDocument
{
    /// <summary>The bot user OAuth token.</summary>
    public string? BotToken { get; init; }

    /// <summary>The app's signing secret.</summary>
    public string? SigningSecret { get; init; }
}
