using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Events;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Resources;

namespace OpsBot.Rules.Replay;

/// <summary>
/// Replays CloudTrail events through the policies without live state: each event is triaged as the
/// pipeline does, its resources are taken as the call requested them (<see cref="IRequestedStateReader"/>),
/// and each match is counted by what the policy's mode and plan would have done. With
/// <paramref name="liveState"/>, the resources are instead read as they are now (replay --live).
/// </summary>
/// <param name="policies">The policies replayed.</param>
/// <param name="liveState">Reads an event's resources (of the triaged type) live; null decides on what each event requested.</param>
public sealed class HistoryReplay(PolicySet policies, Func<CloudTrailEvent, IResourceType, Task<IReadOnlyList<object>>>? liveState = null)
{
    private readonly SnapshotEvaluator _evaluator = new(policies);

    /// <summary>The report for <paramref name="events"/>.</summary>
    public async Task<ReplayReport> ReplayAsync(IEnumerable<CloudTrailEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var counts = policies.All.ToDictionary(p => p.Id, _ => new int[5], StringComparer.Ordinal);
        var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var errors = new List<string>();
        int read = 0, evaluated = 0;
        foreach (var cloudTrailEvent in events)
        {
            read++;
            try
            {
                var triage = EventTriage.Triage(cloudTrailEvent, policies);
                if (triage.SkipReason is { } skip)
                {
                    skipped[skip.Name()] = skipped.GetValueOrDefault(skip.Name()) + 1;
                    continue;
                }

                var requested = liveState is not null && triage.ResourceType is { } type ? await liveState(cloudTrailEvent, type)
                    : triage.ResourceType is IRequestedStateReader reader ? reader.Requested(cloudTrailEvent) : [];
                var evaluation = await _evaluator.EvaluateAsync(cloudTrailEvent, requested);
                evaluated++;
                foreach (var policy in triage.Policies)
                {
                    counts[policy.Id][0]++;
                }

                foreach (var decision in evaluation.Decisions.DistinctBy(d => d.Policy.Id))
                {
                    var c = counts[decision.Policy.Id];
                    c[1]++;
                    var runnable = policies.Actions.Find(decision.Action)?.Plan(decision).IsRunnable ?? false;
                    c[decision.Mode switch
                    {
                        RemediationMode.Enforce when runnable => 2,
                        RemediationMode.Enforce or RemediationMode.Approve => 3,
                        _ => 4,
                    }]++;
                }
            }
            catch (Exception ex) when (ex is MalformedEventException or PolicyEvaluationException)
            {
                errors.Add($"{cloudTrailEvent.Id}: {ex.Message}");
            }
        }

        var perPolicy = policies.All.OrderBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => (p, c: counts[p.Id]))
            .Select(x => new PolicyReplayCounts(x.p.Id, x.p.Remediation.Mode.ToString().ToLowerInvariant(), x.c[0], x.c[1], x.c[2], x.c[3], x.c[4]))
            .ToList();
        return new ReplayReport(read, evaluated, skipped, errors, perPolicy);
    }
}
