using OpsBot.Rules.Events;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Resources;

namespace OpsBot.Rules.Evaluation;

/// <summary>
/// Evaluates an event against a snapshot of resource state (describe output saved to files), the
/// offline twin of the Lambda pipeline used by <c>opsbot eval</c> and <c>opsbot test</c>.
/// </summary>
public sealed class SnapshotEvaluator(PolicySet policies)
{
    private readonly PolicyEvaluator _evaluator = new(policies);

    /// <summary>
    /// Evaluates <paramref name="cloudTrailEvent"/> with <paramref name="resources"/> as the live state:
    /// resource facts of any registered type (as <see cref="IResourceType.ReadState(string, string?)"/> reads them);
    /// those of the type the event concerns are looked up by the event's references.
    /// </summary>
    public async ValueTask<EventEvaluation> EvaluateAsync(CloudTrailEvent cloudTrailEvent, IReadOnlyList<object> resources)
    {
        ArgumentNullException.ThrowIfNull(cloudTrailEvent);
        ArgumentNullException.ThrowIfNull(resources);
        var triage = EventTriage.Triage(cloudTrailEvent, policies);
        var requested = cloudTrailEvent.EventSource == "ec2.amazonaws.com" ? SecurityGroupChangeReader.Read(cloudTrailEvent) : [];
        if (triage.SkipReason is { } skip)
        {
            return new EventEvaluation(cloudTrailEvent, skip, triage.Detail, requested, []);
        }

        var results = new List<ResourceEvaluation>();
        var missing = new List<string>();
        foreach (var reference in triage.Resources)
        {
            var resource = resources.FirstOrDefault(r => triage.ResourceType!.IsReferencedBy(r, reference))
                ?? (triage.ResourceType as IDeletedResourceReader)?.Deleted(cloudTrailEvent, reference);
            if (resource is null)
            {
                missing.Add(reference.ToString());
                continue;
            }

            results.Add(await _evaluator.EvaluateAsync(resource, triage.Policies));
        }

        return results.Count == 0
            ? new EventEvaluation(cloudTrailEvent, SkipReason.ResourceNotFound, $"not in the current state: {string.Join(", ", missing)}", requested, [])
            : new EventEvaluation(cloudTrailEvent, null, "", requested, results);
    }
}
