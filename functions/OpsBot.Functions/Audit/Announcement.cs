namespace OpsBot.Functions.Audit;

/// <summary>
/// One announcement an outcome owes: which channel, for which policy decision, in which round (the
/// first decision, or a settlement such as an approval or an undo). Its <see cref="Id"/> is stable
/// across redeliveries, so it is sent once, and subscribers can drop a copy a lost answer caused.
/// </summary>
/// <param name="Id">Unique within the event, e.g. <c>decided/sns/ec2-sg-admin-ports-public/sg-1</c>.</param>
/// <param name="Round">The round: <c>decided</c>, <c>approved</c>, <c>denied</c>, <c>expired</c>, <c>undone</c>.</param>
/// <param name="Channel">Where it goes.</param>
/// <param name="PolicyId">The decision's policy; null for the round's result event.</param>
/// <param name="ResourceId">The decision's resource; null for the round's result event.</param>
public sealed record Announcement(string Id, string Round, AnnouncementChannel Channel, string? PolicyId, string? ResourceId)
{
    /// <summary>The announcement of <paramref name="decision"/> on <paramref name="channel"/> in <paramref name="round"/>.</summary>
    public static Announcement For(string round, AnnouncementChannel channel, AuditDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new($"{round}/{Name(channel)}/{decision.PolicyId}/{decision.ResourceId}", round, channel, decision.PolicyId, decision.ResourceId);
    }

    /// <summary>The result event of <paramref name="round"/>.</summary>
    public static Announcement ResultOf(string round) => new($"{round}/{Name(AnnouncementChannel.ResultEvent)}", round, AnnouncementChannel.ResultEvent, null, null);

    private static string Name(AnnouncementChannel channel) => channel switch
    {
        AnnouncementChannel.Sns => "sns",
        AnnouncementChannel.Slack => "slack",
        _ => "result",
    };
}
