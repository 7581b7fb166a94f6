namespace OpsBot.Functions.Slack.Client;

/// <summary>Where a posted message landed: what <c>chat.update</c> and thread replies need.</summary>
/// <param name="Channel">The channel id.</param>
/// <param name="Ts">The message's ts (its id within the channel).</param>
public sealed record SlackPostedMessage(string Channel, string Ts);
