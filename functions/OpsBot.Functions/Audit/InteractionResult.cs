using System.Text.Json.Serialization;

namespace OpsBot.Functions.Audit;

/// <summary>What came of one Slack interaction (a button click, or a request claiming to be one).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InteractionResult>))]
public enum InteractionResult
{
    /// <summary>Approved, and the approved rules were revoked.</summary>
    Approved,

    /// <summary>Approved, but live state already complied: nothing was changed.</summary>
    AlreadyCompliant,

    /// <summary>Denied: the pending action was closed without a change.</summary>
    Denied,

    /// <summary>The revoked rules were restored.</summary>
    Undone,

    /// <summary>A blast-radius batch was released: what still violated was remediated.</summary>
    Released,

    /// <summary>The circuit breaker was reset from Slack.</summary>
    BreakerReset,

    /// <summary>A genuine click that was not acted on: not an approver, expired, already handled, unknown request.</summary>
    Refused,

    /// <summary>Not accepted as a Slack interaction at all: bad signature, stale, malformed payload.</summary>
    Rejected,

    /// <summary>A modal was opened to ask for a reason (Undo) or a duration and reason (Exempt); nothing settled yet.</summary>
    ModalOpened,

    /// <summary>An exemption was recorded.</summary>
    Exempted,

    /// <summary>Accepted, but acting failed; the reason says why and nothing was settled.</summary>
    Failed,
}
