namespace OpsBot.Rules.Evaluation;

/// <summary>Why a policy or an event led to no action.</summary>
public enum SkipReason
{
    /// <summary>The resource satisfies the policy's <c>unless</c>.</summary>
    Exempt,

    /// <summary>No element of the resource matches the policy.</summary>
    Compliant,

    /// <summary>The call failed (<c>errorCode</c>) and changed nothing.</summary>
    FailedCall,

    /// <summary>No policy triggers on this event.</summary>
    NoPolicy,

    /// <summary>The resource no longer exists.</summary>
    ResourceNotFound,

    /// <summary>The call was made by OpsBot's own remediation session (an undo, or a fix), so it is not acted on again.</summary>
    OwnAction,
}
