using OpsBot.Functions.Audit;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Slack.Messages;

/// <summary>
/// Everything an OpsBot Slack message says about one policy's decision on one resource: what
/// happened, who did it, where, which policy matched and why, and what was done.
/// </summary>
public sealed record SlackAlertFacts
{
    /// <summary>The event id (the audit record's key).</summary>
    public required string EventId { get; init; }

    /// <summary>What OpsBot did.</summary>
    public required AuditOutcome Outcome { get; init; }

    /// <summary>The policy id.</summary>
    public required string PolicyId { get; init; }

    /// <summary>The policy's one-line title.</summary>
    public required string PolicyTitle { get; init; }

    /// <summary>The policy's description (what it guards and what the fix may break); empty when it has none.</summary>
    public string PolicyDescription { get; init; } = "";

    /// <summary>The policy's severity (info, low, medium, high, critical).</summary>
    public required string Severity { get; init; }

    /// <summary>The mode applied (enforce, approve, notify).</summary>
    public required string Mode { get; init; }

    /// <summary>The policy's match condition, as written.</summary>
    public required string Condition { get; init; }

    /// <summary>The member account.</summary>
    public required string Account { get; init; }

    /// <summary>The region.</summary>
    public required string Region { get; init; }

    /// <summary>The resource (a security-group id).</summary>
    public required string ResourceId { get; init; }

    /// <summary>The CloudTrail event name.</summary>
    public required string EventName { get; init; }

    /// <summary>When the call was made, when known.</summary>
    public DateTimeOffset? EventTime { get; init; }

    /// <summary>Who made the call.</summary>
    public required AuditActor Actor { get; init; }

    /// <summary>The elements the policy matched in live state.</summary>
    public required IReadOnlyList<AuditPermission> Matched { get; init; }

    /// <summary>The elements revoked (or, for an approval, to be revoked).</summary>
    public required IReadOnlyList<AuditPermission> Revoked { get; init; }

    /// <summary>After remediation: true compliant, false still matching, null not verified.</summary>
    public bool? CompliantAfter { get; init; }

    /// <summary>What was done, or why not, in words.</summary>
    public required string Reason { get; init; }

    /// <summary>Why the policy matched, one line per item.</summary>
    public required IReadOnlyList<string> Explanation { get; init; }

    /// <summary>For resource types other than security groups: the changes made, each with what it replaced.</summary>
    public IReadOnlyList<ResourceChange> Changes { get; init; } = [];

    /// <summary>For resource types other than security groups: the matched elements in words.</summary>
    public IReadOnlyList<string> MatchedElements { get; init; } = [];

    /// <summary>The blast-radius batch this decision announced (its message offers Release), or null.</summary>
    public string? HeldBatch { get; init; }

    /// <summary>When this decision tripped the circuit breaker (its message offers Reset breaker), or null.</summary>
    public DateTimeOffset? BreakerTrippedAt { get; init; }

    /// <summary>The console page of the resource.</summary>
    public string ConsoleUrl => ConsoleLinks.For(Region, ResourceId, ResourceType.Length > 0 ? ResourceType : null);

    /// <summary>The resource type's name (the policy's <c>resource</c>), for the console link; empty to guess from the id.</summary>
    public string ResourceType { get; init; } = "";

    /// <summary>The facts of <paramref name="decision"/>, taken from the audit <paramref name="record"/> it belongs to and its <paramref name="policy"/>.</summary>
    public static SlackAlertFacts From(AuditRecord record, AuditDecision decision, Policy policy)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(policy);
        return new SlackAlertFacts
        {
            EventId = record.EventId,
            Outcome = decision.Outcome,
            PolicyId = decision.PolicyId,
            PolicyTitle = policy.Title,
            PolicyDescription = policy.Description,
            ResourceType = policy.Resource,
            Severity = decision.Severity,
            Mode = decision.Mode,
            Condition = policy.Unless is null ? policy.When : $"{policy.When}  unless  {policy.Unless}",
            Account = record.Account,
            Region = record.Region,
            ResourceId = decision.ResourceId,
            EventName = record.EventName,
            EventTime = record.EventTime,
            Actor = record.Actor,
            Matched = decision.Matched,
            Revoked = decision.Revoked,
            Changes = decision.Changes ?? [],
            MatchedElements = decision.MatchedElements ?? [],
            CompliantAfter = decision.CompliantAfter,
            Reason = decision.Reason,
            Explanation = decision.Explanation,
            HeldBatch = decision.HeldBatch,
            BreakerTrippedAt = decision.BreakerTrippedAt,
        };
    }

    /// <summary>The button value naming this decision.</summary>
    public SlackActionValue ActionValue => new(EventId, PolicyId, ResourceId);
}
