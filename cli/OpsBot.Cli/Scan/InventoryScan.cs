using System.Runtime.ExceptionServices;
using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Resources;

namespace OpsBot.Cli.Scan;

/// <summary>
/// Evaluates every resource of an inventory against the policies of its type, read-only: the same
/// evaluator the pipeline decides with, nothing remediated. Resources are independent (one engine
/// session each), so slices of the inventory are evaluated in parallel, one per core, and the
/// findings are put back in inventory order. Each resource is read, evaluated and dropped in turn:
/// only the decisions that found something are kept, so a large saved inventory's facts never all
/// live at once.
/// </summary>
internal sealed class InventoryScan(PolicySet policies)
{
    // Below this many resources per slice, starting another worker costs more than it saves.
    private const int MinimumSlice = 256;

    private readonly PolicyEvaluator _evaluator = new(policies);

    /// <summary>Evaluates <paramref name="candidates"/> against each of <paramref name="resources"/>, facts of <paramref name="type"/>.</summary>
    /// <exception cref="PolicyEvaluationException">A condition threw on some resource.</exception>
    public Task<ScanReport> RunAsync(IResourceType type, IReadOnlyList<object> resources, IReadOnlyList<Policy> candidates, string account, string region) =>
        RunAsync(type, new ResourceListInventory(resources), candidates, account, region);

    /// <summary>Reads and evaluates each resource of <paramref name="inventory"/>, of <paramref name="type"/>, against <paramref name="candidates"/>.</summary>
    /// <exception cref="PolicyEvaluationException">A condition threw on some resource.</exception>
    /// <exception cref="OpsBot.Rules.Facts.StateFormatException">A resource of the inventory cannot be read; the first such by inventory order.</exception>
    public Task<ScanReport> RunAsync(IResourceType type, IResourceInventory inventory, IReadOnlyList<Policy> candidates, string account, string region)
    {
        var count = inventory.Count;
        var slices = Math.Max(1, Math.Min(Environment.ProcessorCount, count / MinimumSlice));
        var perSlice = new List<PolicyDecision>[slices];
        var failures = new Exception?[slices];
        Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = slices }, slice =>
        {
            var found = perSlice[slice] = [];
            try
            {
                for (var i = slice * count / slices; i < (slice + 1) * count / slices; i++)
                {
                    found.AddRange(_evaluator.Decide(inventory.Read(i), candidates));
                }
            }
            catch (Exception ex)
            {
                // A slice stops at its first failure; the earliest slice's is the first by inventory order.
                failures[slice] = ex;
            }
        });

        if (failures.FirstOrDefault(f => f is not null) is { } first)
        {
            ExceptionDispatchInfo.Throw(first);
        }

        var findings = new List<ScanFinding>();
        foreach (var decision in perSlice.SelectMany(d => d))
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

        return Task.FromResult(new ScanReport(count, candidates, findings));
    }
}
