namespace OpsBot.Functions.Pipeline;

/// <summary>
/// The event's outcome is recorded but some announcement it owes was not sent: the message must be
/// delivered again, and the redelivery sends only what is still owed.
/// </summary>
public sealed class AnnouncementsOwedException(string eventId, int owed)
    : Exception($"event {eventId}: {owed} announcement(s) still owed; the message is left for redelivery to send them")
{
    /// <summary>The event.</summary>
    public string EventId { get; } = eventId;

    /// <summary>How many announcements are still owed.</summary>
    public int Owed { get; } = owed;
}
