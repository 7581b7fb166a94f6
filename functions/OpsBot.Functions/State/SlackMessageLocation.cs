namespace OpsBot.Functions.State;

/// <summary>Where the Slack message about a pending action was posted, so it can be updated when the action settles.</summary>
/// <param name="Channel">The channel id.</param>
/// <param name="Ts">The message's ts.</param>
public sealed record SlackMessageLocation(string Channel, string Ts);
