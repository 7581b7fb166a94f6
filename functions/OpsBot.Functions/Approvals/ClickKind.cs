namespace OpsBot.Functions.Approvals;

/// <summary>The buttons OpsBot puts on its messages.</summary>
public enum ClickKind
{
    /// <summary>Approve the pending remediation.</summary>
    Approve,

    /// <summary>Deny the pending remediation.</summary>
    Deny,

    /// <summary>Restore what a remediation revoked.</summary>
    Undo,

    /// <summary>Release the violations a blast-radius batch holds.</summary>
    ReleaseHeld,

    /// <summary>Reset the tripped circuit breaker.</summary>
    ResetBreaker,
}
