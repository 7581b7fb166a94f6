using OpsBot.Rules.Facts;
using OpsBot.Rules.Policies;

namespace OpsBot.Rules.Evaluation;

/// <summary>A policy that matched a resource: which elements, what to do, and why.</summary>
/// <param name="Policy">The matching policy.</param>
/// <param name="ResourceId">The resource it matched.</param>
/// <param name="Matches">The matched elements, exactly what the action will act on.</param>
/// <param name="Explanation">Why, one sentence per line: the condition and each matched element.</param>
public sealed record PolicyDecision(Policy Policy, string ResourceId, IReadOnlyList<PermissionFact> Matches, IReadOnlyList<string> Explanation)
{
    /// <summary>The action to run.</summary>
    public string Action => Policy.Remediation.Action;

    /// <summary>The policy's mode.</summary>
    public RemediationMode Mode => Policy.Remediation.Mode;
}
