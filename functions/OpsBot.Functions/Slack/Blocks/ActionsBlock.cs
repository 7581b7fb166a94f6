namespace OpsBot.Functions.Slack.Blocks;

/// <summary>A row of buttons.</summary>
/// <param name="BlockId">The block id Slack echoes back in interaction payloads.</param>
/// <param name="Elements">The buttons.</param>
public sealed record ActionsBlock(string BlockId, IReadOnlyList<ButtonElement> Elements) : SlackBlock;
