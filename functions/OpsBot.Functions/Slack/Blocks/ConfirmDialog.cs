namespace OpsBot.Functions.Slack.Blocks;

/// <summary>The "are you sure?" dialog of a button.</summary>
/// <param name="Title">Plain-text title, at most 100 characters.</param>
/// <param name="Text">The question, at most 300 characters.</param>
/// <param name="Confirm">Plain-text label of the confirming button, at most 30 characters.</param>
/// <param name="Deny">Plain-text label of the cancelling button, at most 30 characters.</param>
/// <param name="Style"><c>primary</c> or <c>danger</c> for the confirming button, or null.</param>
public sealed record ConfirmDialog(SlackText Title, SlackText Text, SlackText Confirm, SlackText Deny, string? Style = null);
