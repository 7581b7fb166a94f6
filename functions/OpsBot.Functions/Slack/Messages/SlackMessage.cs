using System.Text.Json;
using OpsBot.Functions.Slack.Blocks;
using OpsBot.Functions.Slack.Client;

namespace OpsBot.Functions.Slack.Messages;

/// <summary>A message's content: the notification fallback text and the Block Kit blocks.</summary>
/// <param name="Text">Plain fallback shown in notifications and by clients without Block Kit.</param>
/// <param name="Blocks">The layout.</param>
public sealed record SlackMessage(string Text, IReadOnlyList<SlackBlock> Blocks)
{
    /// <summary>The message as Slack's JSON (<c>{"text":…,"blocks":[…]}</c>), e.g. for a local stand-in to print.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, SlackJsonContext.Default.SlackMessage);
}
