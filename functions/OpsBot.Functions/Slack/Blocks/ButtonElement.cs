using System.Text.Json.Serialization;

namespace OpsBot.Functions.Slack.Blocks;

/// <summary>An interactive button; Slack sends its <see cref="ActionId"/> and <see cref="Value"/> back when clicked.</summary>
/// <param name="Text">The plain-text label, at most <see cref="BlockKitLimits.ButtonText"/> characters.</param>
/// <param name="ActionId">What the click means (<c>opsbot_approve</c>, <c>opsbot_deny</c>, <c>opsbot_undo</c>).</param>
/// <param name="Value">What it applies to (the pending action or audit id), at most <see cref="BlockKitLimits.ButtonValue"/> characters.</param>
/// <param name="Style"><c>primary</c>, <c>danger</c>, or null for the default.</param>
/// <param name="Confirm">A dialog shown before the click is sent, or null.</param>
public sealed record ButtonElement(SlackText Text, string ActionId, string Value, string? Style = null, ConfirmDialog? Confirm = null)
{
    /// <summary>Always <c>button</c>.</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public string Type => "button";
}
