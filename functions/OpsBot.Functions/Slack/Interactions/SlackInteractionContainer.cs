namespace OpsBot.Functions.Slack.Interactions;

/// <summary>The message a clicked button is on.</summary>
/// <param name="Type">The container type, <c>message</c>.</param>
/// <param name="MessageTs">The message's ts.</param>
/// <param name="ChannelId">The channel id.</param>
public sealed record SlackInteractionContainer(string? Type, string? MessageTs, string? ChannelId);
