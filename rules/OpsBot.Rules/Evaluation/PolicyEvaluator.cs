using OpsBot.Rules.Facts;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Resources;

namespace OpsBot.Rules.Evaluation;

/// <summary>
/// Evaluates policies against one resource's live state through the rules engine: one NRules
/// session per resource holds the resource and the elements of its collections; each policy's rule
/// reports the elements its <c>when</c> matched, and its exemption rule whether <c>unless</c> held.
/// </summary>
public sealed class PolicyEvaluator(PolicySet policies)
{
    /// <summary>Evaluates <paramref name="candidates"/> (the set's security-group policies when null) against <paramref name="group"/>.</summary>
    /// <exception cref="PolicyEvaluationException">A condition of a candidate threw.</exception>
    public ValueTask<ResourceEvaluation> EvaluateAsync(SecurityGroupFact group, IReadOnlyList<Policy>? candidates = null) =>
        EvaluateAsync((object)group, candidates);

    /// <summary>
    /// Evaluates <paramref name="candidates"/> (every policy of the set for the resource's type when
    /// null) against <paramref name="resource"/>, a resource fact of a registered type.
    /// </summary>
    /// <exception cref="PolicyEvaluationException">A condition of a candidate threw.</exception>
    /// <exception cref="ArgumentException"><paramref name="resource"/> is no registered type's fact.</exception>
    public ValueTask<ResourceEvaluation> EvaluateAsync(object resource, IReadOnlyList<Policy>? candidates = null)
    {
        var skips = new List<PolicySkip>();
        var (id, decisions) = Evaluate(resource, candidates, skips);
        return ValueTask.FromResult(new ResourceEvaluation(id, decisions, skips));
    }

    /// <summary>
    /// The decisions alone of <see cref="EvaluateAsync(object, IReadOnlyList{Policy}?)"/>: what a scan
    /// reports. The skips, each with its sentence, are not built; a scan of 100,000 resources would
    /// otherwise write and drop one sentence per resource and policy.
    /// </summary>
    /// <exception cref="PolicyEvaluationException">A condition of a candidate threw.</exception>
    /// <exception cref="ArgumentException"><paramref name="resource"/> is no registered type's fact.</exception>
    public IReadOnlyList<PolicyDecision> Decide(object resource, IReadOnlyList<Policy>? candidates = null) =>
        Evaluate(resource, candidates, null).Decisions;

    private (string Id, List<PolicyDecision> Decisions) Evaluate(object resource, IReadOnlyList<Policy>? candidates, List<PolicySkip>? skips)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var type = policies.Resources.ForFact(resource)
            ?? throw new ArgumentException($"{resource.GetType().Name} is the fact of no registered resource type", nameof(resource));
        var asked = candidates ?? [.. policies.All.Where(p => p.Resource == type.Name)];
        var fired = policies.Engine.Run(type, resource, asked);
        var id = type.ResourceId(resource);
        var decisions = new List<PolicyDecision>();
        foreach (var policy in asked)
        {
            if (fired.IsExempt(policy.Id))
            {
                skips?.Add(new PolicySkip(policy.Id, id, SkipReason.Exempt, $"`{policy.Unless}` holds for {id}"));
                continue;
            }

            var collection = type.Collection(policy.Select)!;
            var matches = fired.Matches(policy.Id, collection.Elements(resource));
            if (matches.Count == 0)
            {
                skips?.Add(new PolicySkip(policy.Id, id, SkipReason.Compliant, $"no {collection.ElementNoun} of {id} matches `{policy.When}`"));
            }
            else
            {
                decisions.Add(new PolicyDecision(policy, id, matches, Explain(policy, id, collection, matches)));
            }
        }

        return (id, decisions);
    }

    private static List<string> Explain(Policy policy, string id, IElementCollection collection, List<object> matches)
    {
        var lines = new List<string>(matches.Count + 2)
        {
            $"policy {policy.Id} ({policy.Severity.ToString().ToLowerInvariant()}): {policy.Title}",
            $"`{policy.When}` is true for {matches.Count} {collection.ElementNoun}(s) of {id}:",
        };
        lines.AddRange(matches.Select(m => $"  {collection.Explain(m)}"));
        if (policy.Unless is not null)
        {
            lines.Add($"not exempt: `{policy.Unless}` is false");
        }

        return lines;
    }
}
