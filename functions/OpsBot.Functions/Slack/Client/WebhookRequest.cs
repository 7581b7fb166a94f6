using OpsBot.Functions.Slack.Blocks;

namespace OpsBot.Functions.Slack.Client;

/// <summary>The body posted to an incoming webhook (its channel is fixed by the webhook).</summary>
/// <param name="Text">The notification fallback.</param>
/// <param name="Blocks">The layout.</param>
internal sealed record WebhookRequest(string Text, IReadOnlyList<SlackBlock> Blocks);
