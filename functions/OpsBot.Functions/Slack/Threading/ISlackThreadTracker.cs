namespace OpsBot.Functions.Slack.Threading;

/// <summary>
/// Decides whether an alert starts a new message or replies in the thread of an earlier alert for
/// the same account, resource and policy posted within the window.
/// </summary>
public interface ISlackThreadTracker
{
    /// <summary>The thread to reply in for <paramref name="key"/> in <paramref name="channel"/>, or null to post a new message.</summary>
    Task<SlackThread?> FindAsync(SlackThreadKey key, string channel, CancellationToken cancellationToken);

    /// <summary>
    /// Records that an alert for <paramref name="key"/> was posted: a new parent (<paramref name="threadTs"/>
    /// is the new message's ts) or a reply (the parent's ts); either way the window starts again.
    /// </summary>
    Task RecordAsync(SlackThreadKey key, string channel, string threadTs, CancellationToken cancellationToken);
}
