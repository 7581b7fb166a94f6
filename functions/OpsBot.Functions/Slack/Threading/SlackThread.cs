namespace OpsBot.Functions.Slack.Threading;

/// <summary>An alert thread: the parent message that later alerts reply to.</summary>
/// <param name="Channel">The channel id of the parent message.</param>
/// <param name="ThreadTs">The parent message's ts (the replies' <c>thread_ts</c>).</param>
/// <param name="LastAlertAt">When the last alert (parent or reply) was posted in it.</param>
public sealed record SlackThread(string Channel, string ThreadTs, DateTimeOffset LastAlertAt);
