using OpsBot.Functions.Audit;
using OpsBot.Functions.Slack.Blocks;
using OpsBot.Functions.Slack.Messages;

namespace OpsBot.Functions.Tests.Slack;

public sealed class SlackMessagesTests
{
    /// <summary>The message's JSON with Slack's control characters unescaped, as Slack reads it.</summary>
    private static string Readable(SlackMessage message) => GoldenFile.Normalise(message.ToJson());

    private static IEnumerable<ButtonElement> Buttons(SlackMessage message) =>
        message.Blocks.OfType<ActionsBlock>().SelectMany(block => block.Elements);

    [Fact]
    public void A_remediated_alert_carries_an_Undo_button_naming_the_decision()
    {
        var facts = SlackMessageSamples.Facts(AuditOutcome.Remediated);

        var undo = Assert.Single(Buttons(SlackMessages.Alert(facts)), b => b.ActionId != SlackActionIds.Exempt);

        Assert.Equal(SlackActionIds.Undo, undo.ActionId);
        Assert.True(SlackActionValue.TryParse(undo.Value, out var value));
        Assert.Equal(new SlackActionValue(facts.EventId, facts.PolicyId, facts.ResourceId), value);
    }

    [Theory]
    [InlineData(AuditOutcome.Failed)]
    [InlineData(AuditOutcome.PendingApproval)]
    public void An_alert_that_changed_nothing_has_no_buttons(AuditOutcome outcome)
    {
        Assert.Empty(Buttons(SlackMessages.Alert(SlackMessageSamples.Facts(outcome))));
    }

    [Theory]
    [InlineData(AuditOutcome.Notified)]
    [InlineData(AuditOutcome.Remediated)]
    public void A_violation_alert_offers_Exempt_naming_the_decision(AuditOutcome outcome)
    {
        var facts = SlackMessageSamples.Facts(outcome);

        var exempt = Assert.Single(Buttons(SlackMessages.Alert(facts)), b => b.ActionId == SlackActionIds.Exempt);

        Assert.Equal(facts.ActionValue.ToString(), exempt.Value);
        Assert.Null(exempt.Confirm);
    }

    [Theory]
    [InlineData("1 element(s) not remediated: suppressed until 2026-12-04 05:45:11 UTC by U0SECOPS (undo: vendor; audit evt-1)")]
    [InlineData("1 element(s) not remediated: exempted until 2026-12-10 05:45:11 UTC by U0SECOPS (exemption: bastion; audit evt-1)")]
    public void An_alert_about_a_held_violation_offers_no_Exempt(string reason)
    {
        var facts = SlackMessageSamples.Facts(AuditOutcome.Notified) with { Reason = reason };

        Assert.Empty(Buttons(SlackMessages.Alert(facts)));
    }

    [Fact]
    public void A_remediation_whose_rules_ec2_reported_gone_still_offers_Undo()
    {
        var unconfirmed = SlackMessageSamples.Ssh with { Unconfirmed = true };
        var facts = SlackMessageSamples.Facts(AuditOutcome.Remediated) with { Revoked = [unconfirmed] };

        Assert.Single(Buttons(SlackMessages.Alert(facts)), b => b.ActionId == SlackActionIds.Undo);
    }

    [Fact]
    public void A_remediation_that_revoked_nothing_offers_no_Undo()
    {
        var facts = SlackMessageSamples.Facts(AuditOutcome.Remediated) with { Revoked = [] };

        Assert.DoesNotContain(Buttons(SlackMessages.Alert(facts)), b => b.ActionId == SlackActionIds.Undo);
    }

    [Fact]
    public void An_approval_request_has_a_confirmed_primary_Approve_and_a_danger_Deny()
    {
        var buttons = Buttons(SlackMessages.ApprovalRequest(SlackMessageSamples.Approval())).ToList();

        Assert.Collection(buttons,
            approve =>
            {
                Assert.Equal((SlackActionIds.Approve, "primary"), (approve.ActionId, approve.Style));
                Assert.NotNull(approve.Confirm);
            },
            deny => Assert.Equal((SlackActionIds.Deny, "danger"), (deny.ActionId, deny.Style)));
    }

    [Fact]
    public void Approvers_are_mentioned_as_users_and_user_groups()
    {
        var json = Readable(SlackMessages.ApprovalRequest(SlackMessageSamples.Approval()));

        Assert.Contains("<@U0123ABCD>", json, StringComparison.Ordinal);
        Assert.Contains("<!subteam^S0456EFGH>", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_the_event_cannot_mention_the_channel_or_forge_a_link()
    {
        var facts = SlackMessageSamples.Facts(AuditOutcome.Notified) with
        {
            Actor = new AuditActor("arn:aws:iam::1:user/<!channel>", "IAMUser", "1", "1.2.3.4", "<https://evil.example|click me>"),
        };

        var json = Readable(SlackMessages.Alert(facts));

        Assert.DoesNotContain("<!channel>", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<https://evil", json, StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt;", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_settled_request_keeps_no_Approve_or_Deny_button()
    {
        var update = new SlackResultUpdate(SlackResultKind.Denied, SlackMessageSamples.Settled(AuditOutcome.PendingApproval, null), SlackMessageSamples.Now, "U0999ZZZZ");

        Assert.Empty(Buttons(SlackMessages.ResultUpdate(update)));
    }

    [Fact]
    public void An_exempted_alert_keeps_its_undo_but_not_its_exempt_button()
    {
        var update = new SlackResultUpdate(SlackResultKind.Exempted, SlackMessageSamples.Facts(AuditOutcome.Remediated), SlackMessageSamples.Now, "U0777UNDO", "lab", OfferUndo: true, Until: SlackMessageSamples.Now.AddDays(1));

        Assert.Equal([SlackActionIds.Undo], Buttons(SlackMessages.ResultUpdate(update)).Select(b => b.ActionId));
    }

    [Fact]
    public void An_exempted_notify_only_alert_has_no_buttons_and_says_who_until_when_and_why()
    {
        var until = SlackMessageSamples.Now.AddDays(7);
        var update = new SlackResultUpdate(SlackResultKind.Exempted, SlackMessageSamples.Facts(AuditOutcome.Notified), SlackMessageSamples.Now, "U0777UNDO", "<!channel> lab", OfferUndo: true, Until: until);

        var message = SlackMessages.ResultUpdate(update);

        Assert.Empty(Buttons(message));
        Assert.Contains($"Exempted by <@U0777UNDO> until {SlackMarkdown.Date(until)}: &lt;!channel&gt; lab", Readable(message), StringComparison.Ordinal);
    }

    [Fact]
    public void The_console_link_escapes_what_it_embeds()
    {
        var facts = SlackMessageSamples.Facts(AuditOutcome.Notified) with { ResourceId = "sg-1|<x>" };

        Assert.Equal("https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#SecurityGroup:groupId=sg-1%7C%3Cx%3E", facts.ConsoleUrl);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a|b")]
    [InlineData("a||c")]
    [InlineData("a|b|c|d")]
    public void A_button_value_that_OpsBot_did_not_write_is_not_parsed(string value)
    {
        Assert.False(SlackActionValue.TryParse(value, out _));
    }

    [Fact]
    public void Truncation_never_splits_a_surrogate_pair_and_marks_the_cut()
    {
        var text = BlockKitLimits.Truncate("ab😀😀😀", 4);

        Assert.Equal("ab…", text);
    }
}
