using OpsBot.Functions.Audit;
using OpsBot.Functions.Resources;
using OpsBot.Rules.Evaluation;

namespace OpsBot.Functions.Holds;

/// <summary>
/// Takes the elements that a live suppression or exemption holds out of a policy's decision before
/// anything is planned: what is left is remediated as usual (new violations on the same resource
/// still are), what is held is not, and the reason says by which hold.
/// </summary>
public static class HoldCheck
{
    /// <summary>
    /// What of <paramref name="decision"/> is left to act on at <paramref name="now"/> given <paramref name="holds"/>
    /// (those of its resource): the decision unchanged when nothing is held, with fewer elements when
    /// some are, null when all are. <c>Reason</c> names the holds that applied; empty when none did.
    /// </summary>
    public static (PolicyDecision? Remaining, string Reason) Apply(PolicyDecision decision, IResourceAdapter adapter, IReadOnlyList<ResourceHold> holds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(holds);
        var live = holds.Where(h => h.PolicyId == decision.Policy.Id && h.ResourceId == decision.ResourceId && h.IsLive(now)).ToList();
        if (live.Count == 0)
        {
            return (decision, "");
        }

        var applied = new List<ResourceHold>();
        var remaining = new List<object>();
        foreach (var element in decision.Elements)
        {
            var hold = live.FirstOrDefault(h => Holds(h, element, adapter));
            if (hold is null)
            {
                remaining.Add(element);
            }
            else if (!applied.Contains(hold))
            {
                applied.Add(hold);
            }
        }

        if (applied.Count == 0)
        {
            return (decision, "");
        }

        var held = decision.Elements.Count - remaining.Count;
        var reason = $"{held} element(s) not remediated: {string.Join("; ", applied.Select(h => h.Describe()))}";
        return (remaining.Count == 0 ? null : decision with { Elements = remaining }, reason);
    }

    // Rules are matched by shape: a rule put back by Undo has a new id.
    private static bool Holds(ResourceHold hold, object element, IResourceAdapter adapter)
    {
        if (hold.CoversAll)
        {
            return true;
        }

        if (adapter is IRuleRevokingAdapter rules)
        {
            var rule = rules.Audit(element) with { RuleId = null };
            return hold.Rules.Any(h => (h with { RuleId = null }).IsSameRule(rule));
        }

        return hold.Elements.Contains(element.ToString() ?? "", StringComparer.Ordinal);
    }

    /// <summary>The rules of a suppression: the restored rules without their ids.</summary>
    public static IReadOnlyList<AuditPermission> ByShape(IEnumerable<AuditPermission> rules) => [.. rules.Select(r => r with { RuleId = null, Unconfirmed = false })];
}
