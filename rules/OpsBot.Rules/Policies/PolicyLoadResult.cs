namespace OpsBot.Rules.Policies;

/// <summary>What loading found: the valid policies and every problem.</summary>
public sealed record PolicyLoadResult(IReadOnlyList<Policy> Policies, IReadOnlyList<PolicyError> Errors)
{
    /// <summary>True when nothing was wrong.</summary>
    public bool IsValid => Errors.Count == 0;
}
