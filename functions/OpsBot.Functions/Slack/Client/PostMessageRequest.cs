using OpsBot.Functions.Slack.Blocks;

namespace OpsBot.Functions.Slack.Client;

/// <summary>The body of <c>chat.postMessage</c>.</summary>
/// <param name="Channel">The channel id or name.</param>
/// <param name="Text">The notification fallback.</param>
/// <param name="Blocks">The layout.</param>
/// <param name="ThreadTs">The parent message's ts to reply in its thread, or null for a new message.</param>
/// <param name="UnfurlLinks">False: console links must not unfold into previews.</param>
/// <param name="UnfurlMedia">False, as above.</param>
internal sealed record PostMessageRequest(string Channel, string Text, IReadOnlyList<SlackBlock> Blocks, string? ThreadTs, bool UnfurlLinks = false, bool UnfurlMedia = false);
