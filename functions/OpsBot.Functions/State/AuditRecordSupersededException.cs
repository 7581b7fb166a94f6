namespace OpsBot.Functions.State;

/// <summary>
/// A provisional audit record was refused because the event already has a final one: another attempt
/// finished it meanwhile. Nothing was changed; the message is retried, and the retry finds the final
/// record and only sends what it still owes.
/// </summary>
public sealed class AuditRecordSupersededException(string eventId)
    : Exception($"event {eventId} already has a final audit record; this attempt stops before changing anything")
{
    /// <summary>The event.</summary>
    public string EventId { get; } = eventId;
}
