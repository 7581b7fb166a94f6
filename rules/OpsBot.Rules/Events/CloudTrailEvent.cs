using System.Text.Json;

namespace OpsBot.Rules.Events;

/// <summary>
/// A CloudTrail management event as OpsBot receives it through EventBridge: the envelope's
/// identity and location plus the CloudTrail record's call, caller and parameters.
/// </summary>
public sealed record CloudTrailEvent
{
    /// <summary>The EventBridge event id (the idempotency key); the CloudTrail eventID for a bare record.</summary>
    public required string Id { get; init; }

    /// <summary>
    /// The account the call was made in (the member account): the envelope's <c>account</c>, which
    /// EventBridge vouches for, or the record's <c>recipientAccountId</c> when the envelope has none.
    /// </summary>
    public required string Account { get; init; }

    /// <summary>The region the call was made in.</summary>
    public required string Region { get; init; }

    /// <summary>When the call was made.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The API action, e.g. <c>AuthorizeSecurityGroupIngress</c>.</summary>
    public required string EventName { get; init; }

    /// <summary>The service endpoint, e.g. <c>ec2.amazonaws.com</c>.</summary>
    public required string EventSource { get; init; }

    /// <summary>CloudTrail's own record id.</summary>
    public string CloudTrailEventId { get; init; } = "";

    /// <summary>Who made the call.</summary>
    public Actor Actor { get; init; } = Actor.Unknown;

    /// <summary>The error code of a call that failed, or null for a call that succeeded.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The error message of a call that failed.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The call's parameters (an object, possibly empty).</summary>
    public JsonElement RequestParameters { get; init; }

    /// <summary>The call's response (an object, possibly empty).</summary>
    public JsonElement ResponseElements { get; init; }

    /// <summary>
    /// What the reader accepted but the audit record should show: the envelope's <c>account</c>
    /// or <c>region</c> disagreeing with the record's <c>recipientAccountId</c> or <c>awsRegion</c>
    /// (the envelope's value is the one used). Empty for a consistent event.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>True when the call failed and so changed nothing.</summary>
    public bool IsFailedCall => !string.IsNullOrEmpty(ErrorCode);
}
