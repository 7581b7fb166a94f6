namespace OpsBot.Functions.Slack.Interactions;

/// <summary>One action of a <c>block_actions</c> payload.</summary>
/// <param name="ActionId">The button's <c>action_id</c>.</param>
/// <param name="Value">The button's value.</param>
/// <param name="BlockId">The block the button is in.</param>
public sealed record SlackInteractionAction(string? ActionId, string? Value, string? BlockId);
