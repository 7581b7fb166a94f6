using OpsBot.Functions.Observability;

namespace OpsBot.Functions.Tests.Observability;

/// <summary>Outcome metrics as a test sees them: recorded, not printed.</summary>
internal sealed class RecordingOutcomeMetrics : IOutcomeMetrics
{
    public List<(string EventId, PolicyOutcome Outcome)> Outcomes { get; } = [];

    public List<(string? Policy, string? ResourceType)> AnnouncementsFailed { get; } = [];

    public void Outcome(string eventId, PolicyOutcome outcome) => Outcomes.Add((eventId, outcome));

    public void AnnouncementFailed(string eventId, string? policy, string? resourceType) => AnnouncementsFailed.Add((policy, resourceType));
}
