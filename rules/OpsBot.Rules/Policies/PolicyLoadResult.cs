namespace OpsBot.Rules.Policies;

/// <summary>What loading found: the valid policies and every problem.</summary>
public sealed record PolicyLoadResult(IReadOnlyList<Policy> Policies, IReadOnlyList<PolicyError> Errors)
{
    /// <summary>True when nothing was wrong (warnings do not count).</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Conditions that load but probably do not mean what they say; see <see cref="Checks.PolicyCheckRegistry"/>.</summary>
    public IReadOnlyList<PolicyWarning> Warnings { get; init; } = [];
}
