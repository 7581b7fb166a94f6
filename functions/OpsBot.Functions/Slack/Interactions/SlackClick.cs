using OpsBot.Functions.Approvals;
using OpsBot.Functions.Slack.Messages;

namespace OpsBot.Functions.Slack.Interactions;

/// <summary>A button click, read from a verified interaction payload.</summary>
/// <param name="Kind">Which button.</param>
/// <param name="ActionId">The button's <c>action_id</c>.</param>
/// <param name="Target">What the button is about.</param>
/// <param name="UserId">Who clicked.</param>
/// <param name="ResponseUrl">Where to answer, or null.</param>
/// <param name="Message">The message the button is on, or null.</param>
/// <param name="TriggerId">The click's <c>trigger_id</c> (opens a modal within 3 seconds), or null.</param>
public sealed record SlackClick(ClickKind Kind, string ActionId, SlackActionValue Target, string UserId, Uri? ResponseUrl, State.SlackMessageLocation? Message, string? TriggerId = null);
