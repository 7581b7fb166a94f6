using OpsBot.Functions.Audit;
using OpsBot.Functions.Slack.Blocks;

namespace OpsBot.Functions.Slack.Messages;

/// <summary>
/// The brakes' buttons: Release on the one message announcing a blast-radius batch, Reset breaker on
/// the one message announcing a trip. Both carry the announcing decision's usual value; the handler reads
/// the batch or the trip from that decision's audit record, never from the button.
/// </summary>
internal static class BrakeButtons
{
    /// <summary>The brake button <paramref name="facts"/> offer, or null.</summary>
    public static ButtonElement? For(SlackAlertFacts facts)
    {
        if (facts.Outcome != AuditOutcome.Notified)
        {
            return null;
        }

        var value = BlockKitLimits.Truncate(facts.ActionValue.ToString(), BlockKitLimits.ButtonValue);
        if (facts.HeldBatch is not null)
        {
            return new ButtonElement(SlackText.Plain("Release"), SlackActionIds.ReleaseHeld, value, "primary", new ConfirmDialog(
                SlackText.Plain("Release the held batch?"),
                SlackText.Plain(BlockKitLimits.Truncate($"OpsBot will re-read every violation held in account {facts.Account} in this window and remediate what still violates.", BlockKitLimits.ConfirmText)),
                SlackText.Plain("Release"),
                SlackText.Plain("Cancel"),
                "primary"));
        }

        return facts.BreakerTrippedAt is null ? null : new ButtonElement(SlackText.Plain("Reset breaker"), SlackActionIds.ResetBreaker, value, "danger", new ConfirmDialog(
            SlackText.Plain("Reset the circuit breaker?"),
            SlackText.Plain(BlockKitLimits.Truncate("Every policy acts in its own mode again: enforce policies remediate automatically. Reset only once the cause of the trip is understood.", BlockKitLimits.ConfirmText)),
            SlackText.Plain("Reset"),
            SlackText.Plain("Cancel"),
            "danger"));
    }
}
