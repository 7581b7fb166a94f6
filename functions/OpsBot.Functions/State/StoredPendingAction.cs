using OpsBot.Functions.Audit;

namespace OpsBot.Functions.State;

/// <summary>A pending action as the state table holds it: the request, where it stands, and who settled it.</summary>
/// <param name="Action">What was asked for.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Message">The Slack message that asked for approval, when one was posted with the Web API.</param>
/// <param name="HandledBy">The Slack user who approved or denied it; null while pending and for expiry.</param>
/// <param name="HandledAt">When it left <see cref="PendingStatus.Pending"/>.</param>
public sealed record StoredPendingAction(PendingAction Action, PendingStatus Status, SlackMessageLocation? Message, string? HandledBy, DateTimeOffset? HandledAt);
