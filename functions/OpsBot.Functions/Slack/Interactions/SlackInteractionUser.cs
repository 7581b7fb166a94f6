namespace OpsBot.Functions.Slack.Interactions;

/// <summary>The clicking user.</summary>
/// <param name="Id">The Slack user id (U…/W…).</param>
/// <param name="Username">The user name, for reading only; authorization uses the id.</param>
public sealed record SlackInteractionUser(string? Id, string? Username);
