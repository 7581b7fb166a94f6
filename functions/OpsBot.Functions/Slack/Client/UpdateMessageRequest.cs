using OpsBot.Functions.Slack.Blocks;

namespace OpsBot.Functions.Slack.Client;

/// <summary>The body of <c>chat.update</c>.</summary>
/// <param name="Channel">The channel id the message is in.</param>
/// <param name="Ts">The message's ts.</param>
/// <param name="Text">The new notification fallback.</param>
/// <param name="Blocks">The new layout (replacing the old, buttons included).</param>
internal sealed record UpdateMessageRequest(string Channel, string Ts, string Text, IReadOnlyList<SlackBlock> Blocks);
