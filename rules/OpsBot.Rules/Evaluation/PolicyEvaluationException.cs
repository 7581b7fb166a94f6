namespace OpsBot.Rules.Evaluation;

/// <summary>A policy condition that threw while being evaluated: an error, never a quiet "no match".</summary>
public sealed class PolicyEvaluationException(string policyId, string message, Exception? innerException = null)
    : Exception($"policy {policyId}: {message}", innerException)
{
    /// <summary>The policy whose condition failed.</summary>
    public string PolicyId { get; } = policyId;
}
