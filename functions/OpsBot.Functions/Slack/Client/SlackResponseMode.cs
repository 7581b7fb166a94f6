namespace OpsBot.Functions.Slack.Client;

/// <summary>How a message sent to a <c>response_url</c> is shown.</summary>
public enum SlackResponseMode
{
    /// <summary>It replaces the message whose button was clicked (the result update).</summary>
    ReplaceOriginal,

    /// <summary>Only the clicking user sees it (e.g. "you are not an approver of this policy").</summary>
    Ephemeral,
}
