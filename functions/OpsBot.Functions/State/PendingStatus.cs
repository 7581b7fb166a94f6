namespace OpsBot.Functions.State;

/// <summary>
/// Where a pending action stands. It leaves <see cref="Pending"/> exactly once, by a conditional
/// update, so a double click or two approvers acting together settle it only once.
/// </summary>
public enum PendingStatus
{
    /// <summary>Waiting for an approver.</summary>
    Pending,

    /// <summary>An approver approved it and the remediation ran (or is running).</summary>
    Approved,

    /// <summary>An approver denied it.</summary>
    Denied,

    /// <summary>Nobody answered before it lapsed.</summary>
    Expired,
}
