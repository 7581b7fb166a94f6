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

    /// <summary>Exempt the resource from the policy for a while (asks for a duration and a reason).</summary>
    Exempt,

    /// <summary>Release the violations a blast-radius batch holds.</summary>
    ReleaseHeld,

    /// <summary>Reset the tripped circuit breaker.</summary>
    ResetBreaker,
}
