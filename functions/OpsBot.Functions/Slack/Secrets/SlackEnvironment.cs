namespace OpsBot.Functions.Slack.Secrets;

/// <summary>The environment variables that configure Slack.</summary>
public static class SlackEnvironment
{
    /// <summary>The bot user OAuth token (<c>xoxb-…</c>).</summary>
    public const string BotToken = "OPSBOT_SLACK_BOT_TOKEN";

    /// <summary>The app's signing secret.</summary>
    public const string SigningSecret = "OPSBOT_SLACK_SIGNING_SECRET";

    /// <summary>The channel alerts are posted to.</summary>
    public const string Channel = "OPSBOT_SLACK_CHANNEL";

    /// <summary>Optional incoming-webhook URL.</summary>
    public const string WebhookUrl = "OPSBOT_SLACK_WEBHOOK_URL";

    /// <summary>Optional Web API base address (default <c>https://slack.com/api/</c>), for a local Slack stand-in.</summary>
    public const string ApiUrl = "OPSBOT_SLACK_API_URL";

    /// <summary>Optional comma-separated Slack user ids who may press Undo on any policy's remediation (besides the policy's approvers).</summary>
    public const string UndoUsers = "OPSBOT_SLACK_UNDO_USERS";

    /// <summary>ARN of a Secrets Manager secret holding JSON keys <c>botToken</c> and <c>signingSecret</c> (used in AWS).</summary>
    public const string SecretArn = "OPSBOT_SLACK_SECRET_ARN";
}
