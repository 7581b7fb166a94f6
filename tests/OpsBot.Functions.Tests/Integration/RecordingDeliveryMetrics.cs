using System.Collections.Concurrent;
using OpsBot.Functions.Outbox;

namespace OpsBot.Functions.Tests.Integration;

/// <summary>Delivery alarms as the tests see them: recorded, not printed.</summary>
internal sealed class RecordingDeliveryMetrics : IDeliveryMetrics
{
    public ConcurrentQueue<(string EventId, string AnnouncementId, string Error)> GivenUp { get; } = new();

    public ConcurrentQueue<int> Stuck { get; } = new();

    public void AnnouncementGivenUp(string eventId, string announcementId, string error) => GivenUp.Enqueue((eventId, announcementId, error));

    public void StuckClaims(int count) => Stuck.Enqueue(count);
}
