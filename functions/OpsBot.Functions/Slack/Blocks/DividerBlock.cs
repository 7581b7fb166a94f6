namespace OpsBot.Functions.Slack.Blocks;

/// <summary>A horizontal rule.</summary>
public sealed record DividerBlock : SlackBlock;
