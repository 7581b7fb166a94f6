using OpsBot.Functions.Slack.Client;
using OpsBot.Functions.Slack.Secrets;

namespace OpsBot.Functions.Slack.Connection;

/// <summary>A client ready to send, with the credentials it was built from (for the channel and what is configured).</summary>
/// <param name="Client">The client.</param>
/// <param name="Secrets">The credentials; never log them.</param>
public sealed record SlackConnection(ISlackClient Client, SlackSecrets Secrets);
