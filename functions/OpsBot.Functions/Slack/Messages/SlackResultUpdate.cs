namespace OpsBot.Functions.Slack.Messages;

/// <summary>The replacement for an approval request or alert once it is settled.</summary>
/// <param name="Kind">How it ended.</param>
/// <param name="Facts">The facts of the original message, with the outcome as it now stands.</param>
/// <param name="At">When it ended.</param>
/// <param name="ByUserId">The Slack user who approved, denied, undid or exempted it; null for expiry and failures without a clicker.</param>
/// <param name="Reason">Why (for failures in particular), or null.</param>
/// <param name="OfferUndo">True to keep an Undo button (after an approved remediation that revoked rules, or on an exempted alert that had one).</param>
/// <param name="Until">When an exemption ends; null for the other kinds.</param>
public sealed record SlackResultUpdate(SlackResultKind Kind, SlackAlertFacts Facts, DateTimeOffset At, string? ByUserId = null, string? Reason = null, bool OfferUndo = false, DateTimeOffset? Until = null);
