using OpsBot.Functions.Audit;

namespace OpsBot.Functions.Pipeline;

/// <summary>The JSON body of an SNS alert: what happened, who did it, where, which policy and why, and what was done.</summary>
public sealed record AlertMessage
{
    /// <summary>The event id.</summary>
    public required string EventId { get; init; }

    /// <summary>What OpsBot did (remediated, notified, pending approval, failed).</summary>
    public required AuditOutcome Outcome { get; init; }

    /// <summary>The policy.</summary>
    public required string PolicyId { get; init; }

    /// <summary>The policy's title.</summary>
    public required string PolicyTitle { get; init; }

    /// <summary>
    /// The announcement's id, stable across redeliveries: a subscriber that sees it twice (a retry
    /// after SNS's answer was lost) keeps one.
    /// </summary>
    public string? AnnouncementId { get; init; }

    /// <summary>The policy's severity.</summary>
    public required string Severity { get; init; }

    /// <summary>The mode applied.</summary>
    public required string Mode { get; init; }

    /// <summary>The member account.</summary>
    public required string Account { get; init; }

    /// <summary>The region.</summary>
    public required string Region { get; init; }

    /// <summary>The resource.</summary>
    public required string ResourceId { get; init; }

    /// <summary>A console link to the resource.</summary>
    public required string ConsoleUrl { get; init; }

    /// <summary>The CloudTrail event name.</summary>
    public required string EventName { get; init; }

    /// <summary>Who made the call.</summary>
    public required AuditActor Actor { get; init; }

    /// <summary>What was done, or why not, in words.</summary>
    public required string Reason { get; init; }

    /// <summary>What matched.</summary>
    public required IReadOnlyList<AuditPermission> Matched { get; init; }

    /// <summary>What was revoked.</summary>
    public required IReadOnlyList<AuditPermission> Revoked { get; init; }

    /// <summary>For resource types other than security groups: the changes made, each with the state it replaced; absent otherwise.</summary>
    public IReadOnlyList<ResourceChange>? Changes { get; init; }

    /// <summary>For resource types other than security groups: what matched, in words; absent otherwise.</summary>
    public IReadOnlyList<string>? MatchedElements { get; init; }

    /// <summary>True when the resource complies after remediation; false when it still does not; null when not verified.</summary>
    public bool? CompliantAfter { get; init; }

    /// <summary>Why the policy matched.</summary>
    public required IReadOnlyList<string> Explanation { get; init; }
}
