using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Policies;

namespace OpsBot.Rules.Testing;

/// <summary>
/// One policy test case: an event fixture, the live state AWS would return (the resource type's
/// state document, as the AWS CLI prints it), and the expected
/// outcome. Paths are resolved against the test file's folder.
/// </summary>
public sealed record PolicyTestCase
{
    /// <summary>What the case shows, as a sentence.</summary>
    public required string Name { get; init; }

    /// <summary>Where the case is defined.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>The event fixture (EventBridge envelope, SQS message or CloudTrail record).</summary>
    public required string EventFile { get; init; }

    /// <summary>The state document of the event's resource type, e.g. <c>aws ec2 describe-security-groups</c> output.</summary>
    public required string StateFile { get; init; }

    /// <summary>The type's optional second state document (security groups: <c>aws ec2 describe-security-group-rules</c> output, for rule ids).</summary>
    public string? RulesFile { get; init; }

    /// <summary>The expected event-level skip, or null when the event must be evaluated.</summary>
    public SkipReason? ExpectedSkip { get; init; }

    /// <summary>Exactly the decisions expected (empty: none).</summary>
    public IReadOnlyList<ExpectedDecision> ExpectedDecisions { get; init; } = [];

    /// <summary>Policy skips that must be present (others may be too).</summary>
    public IReadOnlyList<ExpectedSkip> ExpectedSkips { get; init; } = [];

    /// <summary>When given, exactly what the event must be read as requesting.</summary>
    public IReadOnlyList<ExpectedElement>? ExpectedRequested { get; init; }

    /// <summary>
    /// True when the case says something about policy <paramref name="policyId"/>: it expects a
    /// decision or a skip of that policy, or it names no policy at all (no decision, an event-level
    /// skip), which every policy must bear out by not firing.
    /// </summary>
    public bool Concerns(string policyId)
    {
        var named = ExpectedDecisions.Select(d => d.Policy).Concat(ExpectedSkips.Select(s => s.Policy)).ToList();
        return named.Count == 0 || named.Contains(policyId, StringComparer.Ordinal);
    }
}
