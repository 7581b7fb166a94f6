namespace OpsBot.Functions.Approvals;

/// <summary>What one sweep of pending approvals did.</summary>
/// <param name="Expired">How many requests it marked expired.</param>
/// <param name="MessagesUpdated">How many Slack messages it changed to say so.</param>
/// <param name="Errors">Messages that could not be updated, and why.</param>
public sealed record SweepResult(int Expired, int MessagesUpdated, IReadOnlyList<string> Errors);
