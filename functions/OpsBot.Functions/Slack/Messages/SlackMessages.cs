using OpsBot.Functions.Audit;
using OpsBot.Functions.Slack.Blocks;

namespace OpsBot.Functions.Slack.Messages;

/// <summary>
/// Builds OpsBot's Slack messages in Block Kit: the alert, the approval request and the result
/// update. Untrusted text is escaped and every text is cut to Slack's limits, so any input gives a
/// message Slack accepts.
/// </summary>
public static class SlackMessages
{
    /// <summary>
    /// The alert for a decision: what happened, who, where, what matched and why, what was done and
    /// the verification. A remediation that revoked rules carries an Undo button; a violation (remediated
    /// or notified, not held by a suppression or exemption) an "Exempt for…" button.
    /// </summary>
    public static SlackMessage Alert(SlackAlertFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var status = AlertStatus(facts.Outcome);
        var blocks = new List<SlackBlock> { AlertFactBlocks.Header(facts, status) };
        blocks.AddRange(AlertFactBlocks.Facts(facts));
        blocks.Add(AlertFactBlocks.Section($"*What was done*\n{WhatWasDone(facts)}"));
        blocks.Add(AlertFactBlocks.Section($"*Verification*\n{AlertFactBlocks.Verification(facts.CompliantAfter)}"));
        // A brake's announcement (a held batch, a tripped breaker) carries only its brake's button: it
        // speaks for many violations, so Undo and Exempt belong on the per-resource alerts.
        var buttons = BrakeButtons.For(facts) is { } brake ? [brake] : ResourceButtons(facts);
        if (buttons.Count > 0)
        {
            blocks.Add(new ActionsBlock(SlackActionIds.ActionsBlockId, buttons));
        }

        blocks.Add(AlertFactBlocks.Footer(facts));
        return new SlackMessage(AlertFactBlocks.Fallback(facts, status), blocks);
    }

    /// <summary>
    /// The approval request: the facts, the rules that approving would revoke, who may approve and
    /// when the request expires, with Approve (confirmed) and Deny buttons.
    /// </summary>
    public static SlackMessage ApprovalRequest(SlackApprovalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var facts = request.Facts;
        const string status = "Approval needed";
        var blocks = new List<SlackBlock> { AlertFactBlocks.Header(facts, status) };
        blocks.AddRange(AlertFactBlocks.Facts(facts));
        blocks.Add(AlertFactBlocks.Section(
            $"*Proposed*\nRevoke {Count(request.Revoke.Count, "rule")} with {SlackMarkdown.Code(facts.PolicyId)}; nothing changes until an approver approves.\n{AlertFactBlocks.Elements(request.Revoke)}"));
        blocks.Add(AlertFactBlocks.Section(
            $"*Who may approve*\n{Approvers(request.Approvers)}\n*Expires*\n{SlackMarkdown.Date(request.ExpiresAt)}"));
        var value = Value(request.ActionValue);
        blocks.Add(new ActionsBlock(SlackActionIds.ActionsBlockId,
        [
            new ButtonElement(SlackText.Plain("Approve"), SlackActionIds.Approve, value, "primary", new ConfirmDialog(
                SlackText.Plain("Approve this remediation?"),
                SlackText.Plain(BlockKitLimits.Truncate($"OpsBot will re-read {facts.ResourceId} and revoke the matching rules in account {facts.Account}.", BlockKitLimits.ConfirmText)),
                SlackText.Plain("Approve"),
                SlackText.Plain("Cancel"),
                "primary")),
            new ButtonElement(SlackText.Plain("Deny"), SlackActionIds.Deny, value, "danger"),
        ]));
        blocks.Add(AlertFactBlocks.Footer(facts));
        return new SlackMessage(AlertFactBlocks.Fallback(facts, status), blocks);
    }

    /// <summary>
    /// The settled form of an approval request or alert: approved, already compliant, denied, expired,
    /// failed, undone or exempted, by whom and when. Buttons are gone, except Undo after an approved
    /// remediation, or on an exempted alert that offered it, when <see cref="SlackResultUpdate.OfferUndo"/> is set.
    /// </summary>
    public static SlackMessage ResultUpdate(SlackResultUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var facts = update.Facts;
        var status = ResultStatus(update.Kind);
        var blocks = new List<SlackBlock> { AlertFactBlocks.Header(facts, status) };
        blocks.AddRange(AlertFactBlocks.Facts(facts));
        if (update.Kind == SlackResultKind.Exempted)
        {
            blocks.Add(AlertFactBlocks.Section($"*What was done*\n{WhatWasDone(facts)}"));
        }

        blocks.Add(AlertFactBlocks.Section($"*Result*\n{ResultText(update)}"));
        if (update.Kind == SlackResultKind.Approved)
        {
            blocks.Add(AlertFactBlocks.Section($"*Verification*\n{AlertFactBlocks.Verification(facts.CompliantAfter)}"));
        }

        if (update.OfferUndo && (update.Kind is SlackResultKind.Approved or SlackResultKind.Exempted) && CanUndo(facts))
        {
            blocks.Add(new ActionsBlock(SlackActionIds.ActionsBlockId, [UndoButton(facts)]));
        }

        blocks.Add(AlertFactBlocks.Footer(facts));
        return new SlackMessage(AlertFactBlocks.Fallback(facts, status), blocks);
    }

    /// <summary>
    /// A one-line notice for the clicking user only (sent as an ephemeral <c>response_url</c> answer):
    /// why a click was refused or what went wrong. <paramref name="markdown"/> is OpsBot's own text;
    /// anything untrusted in it must already be escaped.
    /// </summary>
    public static SlackMessage Notice(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var text = BlockKitLimits.Truncate(markdown.ReplaceLineEndings(" "), BlockKitLimits.SectionText);
        return new SlackMessage(BlockKitLimits.Truncate(text, BlockKitLimits.SectionText), [AlertFactBlocks.Section(":information_source: " + text)]);
    }

    private static List<ButtonElement> ResourceButtons(SlackAlertFacts facts)
    {
        var buttons = new List<ButtonElement>();
        if (CanUndo(facts))
        {
            buttons.Add(UndoButton(facts));
        }

        if (CanExempt(facts))
        {
            buttons.Add(new ButtonElement(SlackText.Plain("Exempt for…"), SlackActionIds.Exempt, Value(facts.ActionValue)));
        }

        return buttons;
    }

    // A violation (remediated or left in place) may be exempted, unless a hold is why it was left alone.
    private static bool CanExempt(SlackAlertFacts facts) =>
        facts.Outcome is AuditOutcome.Remediated or AuditOutcome.Notified
        && !facts.Reason.Contains("suppressed until ", StringComparison.Ordinal) && !facts.Reason.Contains("exempted until ", StringComparison.Ordinal);

    private static bool CanUndo(SlackAlertFacts facts) =>
        facts.Outcome == AuditOutcome.Remediated && (facts.Revoked.Count > 0 || facts.Changes.Count > 0);

    private static ButtonElement UndoButton(SlackAlertFacts facts) =>
        new(SlackText.Plain("Undo"), SlackActionIds.Undo, Value(facts.ActionValue), null, new ConfirmDialog(
            SlackText.Plain("Restore the revoked rules?"),
            SlackText.Plain(BlockKitLimits.Truncate($"OpsBot will add back exactly the rules it revoked from {facts.ResourceId}, re-opening what the policy flagged.", BlockKitLimits.ConfirmText)),
            SlackText.Plain("Restore"),
            SlackText.Plain("Cancel"),
            "danger"));

    private static string Value(SlackActionValue value) => BlockKitLimits.Truncate(value.ToString(), BlockKitLimits.ButtonValue);

    private static string AlertStatus(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Remediated => "Remediated",
        AuditOutcome.PendingApproval => "Approval needed",
        AuditOutcome.Failed => "Remediation failed",
        AuditOutcome.Notified => "Violation",
        _ => outcome.ToString(),
    };

    private static string ResultStatus(SlackResultKind kind) => kind switch
    {
        SlackResultKind.Approved => "Approved and remediated",
        SlackResultKind.AlreadyCompliant => "Approved, already compliant",
        SlackResultKind.Denied => "Denied",
        SlackResultKind.Expired => "Approval expired",
        SlackResultKind.Failed => "Failed",
        SlackResultKind.Undone => "Undone",
        SlackResultKind.Released => "Held batch released",
        SlackResultKind.BreakerReset => "Circuit breaker reset",
        SlackResultKind.Exempted => "Exempted",
        _ => kind.ToString(),
    };

    private static string WhatWasDone(SlackAlertFacts facts)
    {
        var reason = SlackMarkdown.Escape(facts.Reason.ReplaceLineEndings(" "));
        return facts.Outcome switch
        {
            AuditOutcome.Remediated => Done("Revoked", facts),
            AuditOutcome.PendingApproval => $"Pending approval: nothing has been changed yet.\n{reason}",
            AuditOutcome.Notified => $"Notify only: nothing was changed.\n{reason}",
            AuditOutcome.Failed => $":warning: Remediation failed: {reason}",
            _ => reason,
        };
    }

    private static string ResultText(SlackResultUpdate update)
    {
        var by = update.ByUserId is null ? "" : $" by {SlackMarkdown.Mention(update.ByUserId)}";
        var at = SlackMarkdown.Date(update.At);
        var reason = string.IsNullOrWhiteSpace(update.Reason) ? "" : $"\n{SlackMarkdown.Escape(update.Reason.ReplaceLineEndings(" "))}";
        var facts = update.Facts;
        return update.Kind switch
        {
            SlackResultKind.Approved => $":white_check_mark: Approved{by} {at}. {Done("Revoked", facts)}{reason}",
            SlackResultKind.AlreadyCompliant => $":white_check_mark: Approved{by} {at}; live state already complies, so nothing was changed.{reason}",
            SlackResultKind.Denied => $":no_entry_sign: Denied{by} {at}; nothing was changed.{reason}",
            SlackResultKind.Expired => $":hourglass: Expired {at} without an answer; nothing was changed.{reason}",
            SlackResultKind.Failed => $":warning: Failed {at}{by}.{reason}",
            SlackResultKind.Undone => facts.Changes.Count > 0
                ? $":leftwards_arrow_with_hook: Undone{by} {at}. Put back what was there before:\n{AlertFactBlocks.Lines([.. facts.Changes.Select(c => c.Summary)])}{reason}"
                : $":leftwards_arrow_with_hook: Undone{by} {at}. Restored {Count(facts.Revoked.Count, "rule")}:\n{AlertFactBlocks.Elements(facts.Revoked)}{reason}",
            SlackResultKind.Released => $":arrow_forward: Released{by} {at}.{reason}",
            SlackResultKind.BreakerReset => $":arrows_counterclockwise: Circuit breaker reset{by} {at}: policies act in their own modes again.{reason}",
            SlackResultKind.Exempted => $":pause_button: Exempted{by} until {SlackMarkdown.Date(update.Until ?? update.At)}: {SlackMarkdown.Escape((update.Reason ?? "").ReplaceLineEndings(" "))}",
            _ => $"{update.Kind} {at}{by}.{reason}",
        };
    }

    // Security groups list the rules revoked; other types the changes made.
    private static string Done(string verb, SlackAlertFacts facts) =>
        facts.Changes.Count > 0
            ? $"Changed:\n{AlertFactBlocks.Lines([.. facts.Changes.Select(c => c.Summary)])}"
            : $"{verb} {Count(facts.Revoked.Count, "rule")}:\n{AlertFactBlocks.Elements(facts.Revoked)}";

    private static string Approvers(IReadOnlyList<string> approvers) =>
        approvers.Count == 0 ? "_nobody is configured_" : string.Join(", ", approvers.Take(AlertFactBlocks.ListedElements).Select(SlackMarkdown.Mention))
            + (approvers.Count > AlertFactBlocks.ListedElements ? $" and {approvers.Count - AlertFactBlocks.ListedElements} more" : "");

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
