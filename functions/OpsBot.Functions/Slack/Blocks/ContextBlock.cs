namespace OpsBot.Functions.Slack.Blocks;

/// <summary>A context line: small text, up to <see cref="BlockKitLimits.ContextElements"/> elements.</summary>
/// <param name="Elements">The text elements.</param>
public sealed record ContextBlock(IReadOnlyList<SlackText> Elements) : SlackBlock;
