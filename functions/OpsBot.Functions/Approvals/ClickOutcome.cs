using OpsBot.Functions.Audit;
using OpsBot.Functions.Slack.Messages;

namespace OpsBot.Functions.Approvals;

/// <summary>What a click came to, and what Slack should show.</summary>
/// <param name="Result">The result, for the interaction audit record.</param>
/// <param name="Reason">Why, in plain words, for the audit record.</param>
/// <param name="Update">The settled form of the clicked message (replaces it), or null to leave it.</param>
/// <param name="Notice">A <c>mrkdwn</c> line only the clicker sees (refusals, failures), or null.</param>
public sealed record ClickOutcome(InteractionResult Result, string Reason, SlackResultUpdate? Update = null, string? Notice = null)
{
    /// <summary>A refusal shown only to the clicker.</summary>
    public static ClickOutcome Refused(string reason, string notice, SlackResultUpdate? update = null) => new(InteractionResult.Refused, reason, update, notice);
}
