namespace OpsBot.Functions.Audit;

/// <summary>
/// The audit trail's entry for one Slack interaction, accepted or refused: who clicked what, on
/// which request, what came of it and why. Written for every request that reaches the
/// interactions function, including forged and malformed ones.
/// </summary>
public sealed record InteractionAuditRecord
{
    /// <summary>A unique id of this record.</summary>
    public required string Id { get; init; }

    /// <summary>When the interaction was handled.</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>The Slack user id of the clicker, when the request could be read.</summary>
    public string? UserId { get; init; }

    /// <summary>The button's <c>action_id</c> (<c>opsbot_approve</c>, <c>opsbot_deny</c>, <c>opsbot_undo</c>), when known.</summary>
    public string? ActionId { get; init; }

    /// <summary>The event the button refers to, when known.</summary>
    public string? EventId { get; init; }

    /// <summary>The policy the button refers to, when known.</summary>
    public string? PolicyId { get; init; }

    /// <summary>The resource the button refers to, when known.</summary>
    public string? ResourceId { get; init; }

    /// <summary>What came of it.</summary>
    public required InteractionResult Result { get; init; }

    /// <summary>Why, in words (never containing a secret or a signature).</summary>
    public required string Reason { get; init; }

    /// <summary>How long the function took to answer Slack, in milliseconds.</summary>
    public long ElapsedMilliseconds { get; init; }

    /// <summary>Problems met on the way (a Slack message not updated, a slow answer).</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];
}
