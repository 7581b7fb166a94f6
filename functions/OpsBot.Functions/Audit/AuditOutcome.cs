using System.Text.Json.Serialization;

namespace OpsBot.Functions.Audit;

/// <summary>How an event, or one policy's decision about it, ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AuditOutcome>))]
public enum AuditOutcome
{
    /// <summary>Nothing to do: no policy, failed call, exempt, compliant, resource gone. The reason says which.</summary>
    Skipped,

    /// <summary>The event could not be read; the reason says exactly why.</summary>
    Rejected,

    /// <summary>A violation was alerted without any change (notify mode, forced notify, or a plan held for a human).</summary>
    Notified,

    /// <summary>A pending action was recorded and approval was asked for.</summary>
    PendingApproval,

    /// <summary>The matched elements were revoked.</summary>
    Remediated,

    /// <summary>Something went wrong that retrying will not fix; the reason and errors say what.</summary>
    Failed,

    /// <summary>An approver denied the pending remediation; nothing was changed.</summary>
    Denied,

    /// <summary>The approval request lapsed without an answer; nothing was changed.</summary>
    Expired,

    /// <summary>
    /// A brake (fight detection, blast radius) held the violation, and the window was announced already:
    /// recorded here, not announced again, nothing changed.
    /// </summary>
    Held,

    /// <summary>The revoked elements were restored by a human (Undo); the reason says who.</summary>
    Undone,
}
