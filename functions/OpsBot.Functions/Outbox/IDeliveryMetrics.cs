namespace OpsBot.Functions.Outbox;

/// <summary>The delivery signals an operator alarms on.</summary>
public interface IDeliveryMetrics
{
    /// <summary>An announcement failed on every allowed attempt and was given up.</summary>
    void AnnouncementGivenUp(string eventId, string announcementId, string error);

    /// <summary>Claims found still <c>processing</c> long after their lease lapsed: events no redelivery picked up.</summary>
    void StuckClaims(int count);
}
