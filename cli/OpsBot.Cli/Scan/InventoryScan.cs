using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Resources;

namespace OpsBot.Cli.Scan;

/// <summary>
/// Evaluates every resource of a saved inventory against the policies of its type, read-only: the
/// same evaluator the pipeline decides with, nothing remediated. Resources are independent (one
/// engine session each), so slices of the inventory are evaluated in parallel, one per core, and
/// the findings are put back in inventory order.
/// </summary>
internal sealed class InventoryScan(PolicySet policies)
{
    // Below this many resources per slice, starting another worker costs more than it saves.
    private const int MinimumSlice = 256;

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
        var perResource = new IReadOnlyList<PolicyDecision>[resources.Count];
        var slices = Math.Max(1, Math.Min(Environment.ProcessorCount, resources.Count / MinimumSlice));
        await Parallel.ForAsync(0, slices, new ParallelOptions { MaxDegreeOfParallelism = slices }, async (slice, _) =>
        {
            for (var i = slice * resources.Count / slices; i < (slice + 1) * resources.Count / slices; i++)
            {
                perResource[i] = (await _evaluator.EvaluateAsync(resources[i], candidates)).Decisions;
            }
        });

        var findings = new List<ScanFinding>();
        foreach (var decision in perResource.SelectMany(d => d))
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

        return new ScanReport(resources.Count, candidates, findings);
    }
}
