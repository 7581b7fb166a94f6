using System.Text.Json.Serialization;

namespace OpsBot.Functions.Audit;

/// <summary>What one policy decided about one resource, and what came of it.</summary>
/// <param name="PolicyId">The policy.</param>
/// <param name="PolicyHash">SHA-256 of the policy file's text when the decision was made.</param>
/// <param name="Severity">The policy's severity (lower case).</param>
/// <param name="ResourceId">The resource.</param>
/// <param name="Mode">The mode applied (lower case), after the forced-notify switch.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="Matched">The elements the policy matched in live state.</param>
/// <param name="Revoked">The elements revoked (those EC2 reported gone marked unconfirmed), enough to restore them.</param>
/// <param name="CompliantAfter">After remediation: true when the policy no longer matches the group, false when it still does, null when not verified.</param>
/// <param name="Explanation">The evaluation's explanation, one line per item.</param>
/// <param name="Changes">For resource types other than security groups: the changes made (or, in a provisional record, about to be made), each with the state it replaced; null when none.</param>
/// <param name="MatchedElements">For resource types other than security groups: the matched elements in words; null for security groups (see <paramref name="Matched"/>).</param>
public sealed record AuditDecision(
    string PolicyId,
    string PolicyHash,
    string Severity,
    string ResourceId,
    string Mode,
    AuditOutcome Outcome,
    string Reason,
    IReadOnlyList<AuditPermission> Matched,
    IReadOnlyList<AuditPermission> Revoked,
    bool? CompliantAfter,
    IReadOnlyList<string> Explanation,
    IReadOnlyList<ResourceChange>? Changes = null,
    IReadOnlyList<string>? MatchedElements = null)
{
    /// <summary>On the decision that announced a blast-radius batch: the batch's key, so its message offers Release; null otherwise.</summary>
    public string? HeldBatch { get; init; }

    /// <summary>On the decision that tripped the circuit breaker: when, so its message offers Reset breaker for that trip; null otherwise.</summary>
    public DateTimeOffset? BreakerTrippedAt { get; init; }

    /// <summary>True when undo has something to put back: revoked rules or changes with their earlier state.</summary>
    [JsonIgnore]
    public bool IsRestorable => Revoked.Count > 0 || Changes is { Count: > 0 };
}
