namespace OpsBot.Functions.Slack.Interactions;

/// <summary>The channel of an interaction.</summary>
/// <param name="Id">The channel id.</param>
public sealed record SlackInteractionChannel(string? Id);
