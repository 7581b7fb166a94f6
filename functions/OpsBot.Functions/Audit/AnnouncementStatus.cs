using System.Text.Json.Serialization;

namespace OpsBot.Functions.Audit;

/// <summary>Where an announcement stands in the outbox.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AnnouncementStatus>))]
public enum AnnouncementStatus
{
    /// <summary>Not sent yet: the next attempt sends it.</summary>
    Owed,

    /// <summary>An attempt took it and is sending it; another attempt may take it over once the lease lapses.</summary>
    Sending,

    /// <summary>Sent (the service acknowledged it).</summary>
    Sent,

    /// <summary>Failed on every allowed attempt; alarmed, and left for a human.</summary>
    GivenUp,
}
