using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Actions;

/// <summary>The exact change an action would make: which elements of which resource to revoke.</summary>
/// <param name="Action">The action's name.</param>
/// <param name="ResourceId">The resource to change.</param>
/// <param name="Revoke">The elements to remove, with rule ids where known; enough to restore them.</param>
/// <param name="BlockedReason">Why the plan must not run automatically (e.g. more rules than the policy allows), or null.</param>
public sealed record RemediationPlan(string Action, string ResourceId, IReadOnlyList<PermissionFact> Revoke, string? BlockedReason = null)
{
    /// <summary>
    /// What the plan acts on, for any resource type (e.g. the ACL grants to remove); for security
    /// groups the same as <see cref="Revoke"/>, and empty for a change to the resource as a whole.
    /// </summary>
    public IReadOnlyList<object> Elements { get; init; } = Revoke;

    /// <summary>True when the plan may run without a human.</summary>
    public bool IsRunnable => BlockedReason is null;
}
