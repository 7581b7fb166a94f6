namespace OpsBot.Functions.Slack.Messages;

/// <summary>How an approval request, or a remediation, ended.</summary>
public enum SlackResultKind
{
    /// <summary>An approver approved and the remediation ran.</summary>
    Approved,

    /// <summary>An approver approved, but live state showed nothing left to fix.</summary>
    AlreadyCompliant,

    /// <summary>An approver denied the request; nothing was changed.</summary>
    Denied,

    /// <summary>Nobody answered before the request lapsed; nothing was changed.</summary>
    Expired,

    /// <summary>The remediation (or the undo) failed; the reason says why.</summary>
    Failed,

    /// <summary>Someone restored the revoked rules.</summary>
    Undone,

    /// <summary>An approver released a blast-radius batch: what still violated was remediated; the reason gives the counts.</summary>
    Released,

    /// <summary>A breaker approver reset the circuit breaker from its message.</summary>
    BreakerReset,

    /// <summary>An approver exempted the resource from the policy until a date, with a reason; what was done stays as it was.</summary>
    Exempted,
}
