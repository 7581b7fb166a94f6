using System.Text.Json.Serialization;

namespace OpsBot.Functions.Audit;

/// <summary>Where an announcement goes.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AnnouncementChannel>))]
public enum AnnouncementChannel
{
    /// <summary>An alert on the SNS topic, one per policy decision.</summary>
    Sns,

    /// <summary>A Slack alert or approval request, one per policy decision.</summary>
    Slack,

    /// <summary>The audit record as a result event on the bus, one per round.</summary>
    ResultEvent,
}
