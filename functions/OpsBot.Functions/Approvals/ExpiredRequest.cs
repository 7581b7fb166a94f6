using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.State;

namespace OpsBot.Functions.Approvals;

/// <summary>A pending action the sweep (or a late click) marked expired.</summary>
/// <param name="Pending">The action as it was stored, with where its approval message is.</param>
/// <param name="Update">The Expired form of its message, or null when its policy is no longer loaded.</param>
public sealed record ExpiredRequest(StoredPendingAction Pending, SlackResultUpdate? Update);
