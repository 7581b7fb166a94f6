using OpsBot.Functions.Audit;

namespace OpsBot.Functions.Outbox;

/// <summary>What announcing a round came to.</summary>
/// <param name="Record">The audit record with its outbox as it now stands.</param>
/// <param name="StillOwed">Announcements of the round neither sent nor given up: the event is not finished, and a redelivery sends them.</param>
public sealed record AnnouncementRound(AuditRecord Record, int StillOwed)
{
    /// <summary>True when every announcement of the round was sent or given up.</summary>
    public bool IsComplete => StillOwed == 0;
}
