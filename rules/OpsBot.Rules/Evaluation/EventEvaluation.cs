using OpsBot.Rules.Events;
using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Evaluation;

/// <summary>Everything evaluating one event produced.</summary>
/// <param name="Event">The event.</param>
/// <param name="SkipReason">Why nothing was evaluated, or null.</param>
/// <param name="Detail">The skip reason in words, or an empty string.</param>
/// <param name="Requested">What the call asked for, as read from the event (informational).</param>
/// <param name="Resources">One evaluation per resource found in live state.</param>
public sealed record EventEvaluation(CloudTrailEvent Event, SkipReason? SkipReason, string Detail, IReadOnlyList<PermissionFact> Requested, IReadOnlyList<ResourceEvaluation> Resources)
{
    /// <summary>Every decision over all resources.</summary>
    public IEnumerable<PolicyDecision> Decisions => Resources.SelectMany(r => r.Decisions);

    /// <summary>Every policy skip over all resources.</summary>
    public IEnumerable<PolicySkip> Skips => Resources.SelectMany(r => r.Skips);
}
