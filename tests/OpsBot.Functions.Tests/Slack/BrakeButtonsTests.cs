using OpsBot.Functions.Audit;
using OpsBot.Functions.Slack.Blocks;
using OpsBot.Functions.Slack.Messages;

namespace OpsBot.Functions.Tests.Slack;

/// <summary>The brakes' buttons on the alerts that announce a held batch or a breaker trip, and on nothing else.</summary>
public sealed class BrakeButtonsTests
{
    [Fact]
    public void The_batch_announcement_offers_a_confirmed_Release_naming_its_decision()
    {
        var facts = SlackMessageSamples.Facts(AuditOutcome.Notified) with { HeldBatch = "111122223333#2025-03-04T12:00:00Z" };

        var message = SlackMessages.Alert(facts);

        var release = Assert.Single(Buttons(message));
        Assert.Equal((SlackActionIds.ReleaseHeld, facts.ActionValue.ToString()), (release.ActionId, release.Value));
        Assert.NotNull(release.Confirm);
        Assert.Empty(BlockKitValidator.Validate(message.ToJson()));
    }

    [Fact]
    public void The_trip_announcement_offers_a_confirmed_Reset_breaker()
    {
        var facts = SlackMessageSamples.Facts(AuditOutcome.Notified) with { BreakerTrippedAt = SlackMessageSamples.Now };

        var message = SlackMessages.Alert(facts);

        var reset = Assert.Single(Buttons(message));
        Assert.Equal((SlackActionIds.ResetBreaker, "danger"), (reset.ActionId, reset.Style));
        Assert.NotNull(reset.Confirm);
        Assert.Empty(BlockKitValidator.Validate(message.ToJson()));
    }

    [Theory]
    [InlineData(AuditOutcome.Held)]
    [InlineData(AuditOutcome.Remediated)]
    [InlineData(AuditOutcome.Skipped)]
    public void A_settled_or_merely_recorded_decision_offers_no_brake_button(AuditOutcome outcome)
    {
        var facts = SlackMessageSamples.Facts(outcome) with { HeldBatch = "111122223333#2025-03-04T12:00:00Z", BreakerTrippedAt = SlackMessageSamples.Now };

        Assert.DoesNotContain(Buttons(SlackMessages.Alert(facts)), b => b.ActionId is SlackActionIds.ReleaseHeld or SlackActionIds.ResetBreaker);
    }

    [Fact]
    public void A_released_batch_reads_as_released_with_its_counts_and_no_buttons()
    {
        var facts = SlackMessageSamples.Facts(AuditOutcome.Remediated) with { HeldBatch = "111122223333#2025-03-04T12:00:00Z" };

        var message = SlackMessages.ResultUpdate(new SlackResultUpdate(SlackResultKind.Released, facts, SlackMessageSamples.Now, "U0SECOPS", "5 remediated, 0 already compliant, 0 failed"));

        Assert.Empty(Buttons(message));
        Assert.Contains("Held batch released", message.ToJson(), StringComparison.Ordinal);
        Assert.Contains("5 remediated, 0 already compliant, 0 failed", message.ToJson(), StringComparison.Ordinal);
    }

    private static IEnumerable<ButtonElement> Buttons(SlackMessage message) =>
        message.Blocks.OfType<ActionsBlock>().SelectMany(block => block.Elements);
}
