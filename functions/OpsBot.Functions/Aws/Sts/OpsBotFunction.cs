namespace OpsBot.Functions.Aws.Sts;

/// <summary>The central function a member session is assumed for; it names the session and decides what the session may do.</summary>
public enum OpsBotFunction
{
    /// <summary>The event handler: reads untrusted events, so it may close but never re-open.</summary>
    EventHandler,

    /// <summary>The scheduled sweeper: may close but never re-open.</summary>
    Sweeper,

    /// <summary>The Slack interactions function: approvals and undo, the only one that may restore.</summary>
    SlackInteractions,
}
