namespace OpsBot.Functions.Pipeline;

/// <summary>
/// Another attempt holds a live claim on the event: this delivery must come back later (a batch item
/// failure), never be deleted, since the other attempt may yet die.
/// </summary>
public sealed class ClaimHeldException(string eventId)
    : Exception($"event {eventId} is being processed by another attempt whose lease has not lapsed; the message is left for redelivery")
{
    /// <summary>The event.</summary>
    public string EventId { get; } = eventId;
}
