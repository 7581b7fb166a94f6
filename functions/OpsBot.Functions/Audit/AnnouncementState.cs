namespace OpsBot.Functions.Audit;

/// <summary>An announcement and how far it got, as the outbox in the state table records it.</summary>
/// <param name="Announcement">What is owed.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Attempts">How many attempts took it to send.</param>
/// <param name="LastError">The last failure in words (never a token or URL), or null.</param>
/// <param name="SentAt">When the service acknowledged it, or null.</param>
/// <param name="Reference">What the service answered (SNS message id, Slack <c>channel/ts</c>, event id), or null.</param>
public sealed record AnnouncementState(Announcement Announcement, AnnouncementStatus Status, int Attempts, string? LastError, DateTimeOffset? SentAt, string? Reference);
