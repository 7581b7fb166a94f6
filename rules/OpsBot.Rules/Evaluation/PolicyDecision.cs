using OpsBot.Rules.Facts;
using OpsBot.Rules.Policies;

namespace OpsBot.Rules.Evaluation;

/// <summary>A policy that matched a resource: which elements, what to do, and why.</summary>
/// <param name="Policy">The matching policy.</param>
/// <param name="ResourceId">The resource it matched.</param>
/// <param name="Elements">The matched elements of the selected collection, exactly what the action will act on.</param>
/// <param name="Explanation">Why, one sentence per line: the condition and each matched element.</param>
public sealed record PolicyDecision(Policy Policy, string ResourceId, IReadOnlyList<object> Elements, IReadOnlyList<string> Explanation)
{
    /// <summary>The action to run.</summary>
    public string Action => Policy.Remediation.Action;

    /// <summary>The policy's mode.</summary>
    public RemediationMode Mode => Policy.Remediation.Mode;

    /// <summary>
    /// The matched security-group permissions: <see cref="Elements"/> seen as the security-group
    /// pipeline in the functions reads them; empty for other resource types. Setting it sets
    /// <see cref="Elements"/>.
    /// </summary>
    public IReadOnlyList<PermissionFact> Matches
    {
        get => [.. Elements.OfType<PermissionFact>()];
        init => Elements = value;
    }
}
