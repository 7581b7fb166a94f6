namespace OpsBot.Functions.Slack.Blocks;

/// <summary>A header: large plain text, at most <see cref="BlockKitLimits.HeaderText"/> characters.</summary>
/// <param name="Text">The plain-text heading.</param>
public sealed record HeaderBlock(SlackText Text) : SlackBlock;
