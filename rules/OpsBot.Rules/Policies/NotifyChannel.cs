namespace OpsBot.Rules.Policies;

/// <summary>Where alerts for a policy go.</summary>
public enum NotifyChannel
{
    /// <summary>The Slack channel.</summary>
    Slack,

    /// <summary>The SNS alert topic.</summary>
    Sns,
}
