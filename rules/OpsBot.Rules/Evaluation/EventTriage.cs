using OpsBot.Rules.Events;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Resources;

namespace OpsBot.Rules.Evaluation;

/// <summary>
/// The first look at an event, before any resource is read: did the call succeed, which resource
/// type and policies does it concern, and where are the resources. Shared by the Lambda pipeline
/// and the offline tools.
/// </summary>
public static class EventTriage
{
    /// <summary>Triages <paramref name="cloudTrailEvent"/> against <paramref name="policies"/>.</summary>
    /// <exception cref="MalformedEventException">The event concerns a resource but does not say which.</exception>
    public static TriageResult Triage(CloudTrailEvent cloudTrailEvent, PolicySet policies)
    {
        ArgumentNullException.ThrowIfNull(cloudTrailEvent);
        ArgumentNullException.ThrowIfNull(policies);
        if (cloudTrailEvent.IsFailedCall)
        {
            return TriageResult.Skip(SkipReason.FailedCall, $"the call failed ({cloudTrailEvent.ErrorCode}: {cloudTrailEvent.ErrorMessage}) and changed nothing");
        }

        foreach (var type in policies.Resources.All.Where(t => t.EventSource == cloudTrailEvent.EventSource && t.EventNames.Contains(cloudTrailEvent.EventName)))
        {
            var candidates = policies.For(type.Name, cloudTrailEvent.EventName);
            if (candidates.Count > 0)
            {
                return new TriageResult(null, "", type, candidates, type.FindResources(cloudTrailEvent));
            }
        }

        return TriageResult.Skip(SkipReason.NoPolicy, $"no policy triggers on {cloudTrailEvent.EventSource} {cloudTrailEvent.EventName}");
    }
}
