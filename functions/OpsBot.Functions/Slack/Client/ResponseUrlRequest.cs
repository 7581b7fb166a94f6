using OpsBot.Functions.Slack.Blocks;

namespace OpsBot.Functions.Slack.Client;

/// <summary>The body posted to an interaction's <c>response_url</c>.</summary>
/// <param name="Text">The notification fallback.</param>
/// <param name="Blocks">The layout.</param>
/// <param name="ReplaceOriginal">True to replace the message the button was on; null to leave it.</param>
/// <param name="ResponseType"><c>ephemeral</c> for a reply only the clicking user sees; null otherwise.</param>
internal sealed record ResponseUrlRequest(string Text, IReadOnlyList<SlackBlock> Blocks, bool? ReplaceOriginal, string? ResponseType);
