namespace OpsBot.Rules.Evaluation;

/// <summary>The result of evaluating policies against one resource's live state.</summary>
public sealed record ResourceEvaluation(string ResourceId, IReadOnlyList<PolicyDecision> Decisions, IReadOnlyList<PolicySkip> Skips)
{
    /// <summary>True when no policy matched.</summary>
    public bool IsCompliant => Decisions.Count == 0;
}
