using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Resources;

namespace OpsBot.Cli.Scan;

/// <summary>
/// Evaluates every resource of a saved inventory against the policies of its type, read-only: the
/// same evaluator the pipeline decides with, one resource at a time, nothing remediated.
/// </summary>
internal sealed class InventoryScan(PolicySet policies)
{
    private readonly PolicyEvaluator _evaluator = new(policies);

    /// <summary>Evaluates <paramref name="candidates"/> against each of <paramref name="resources"/>, facts of <paramref name="type"/>.</summary>
    /// <exception cref="PolicyEvaluationException">A condition threw on some resource.</exception>
    public async Task<ScanReport> RunAsync(
        IResourceType type,
        IReadOnlyList<object> resources,
        IReadOnlyList<Policy> candidates,
        string account,
        string region)
    {
        var findings = new List<ScanFinding>();
        foreach (var resource in resources)
        {
            var evaluation = await _evaluator.EvaluateAsync(resource, candidates);
            foreach (var decision in evaluation.Decisions)
            {
                var collection = type.Collection(decision.Policy.Select)!;
                findings.Add(new ScanFinding(
                    decision.Policy,
                    decision.ResourceId,
                    account,
                    region,
                    [.. decision.Elements.Select(collection.Explain)],
                    decision.Explanation));
            }
        }

        return new ScanReport(resources.Count, candidates, findings);
    }
}
