namespace OpsBot.Rules.Policies;

/// <summary>Policies that failed to load; <see cref="Errors"/> lists every problem found.</summary>
public sealed class PolicyLoadException(IReadOnlyList<PolicyError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    /// <summary>Every problem, each with its file, line and column.</summary>
    public IReadOnlyList<PolicyError> Errors { get; } = errors;
}
