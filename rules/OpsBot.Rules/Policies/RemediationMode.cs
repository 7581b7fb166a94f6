namespace OpsBot.Rules.Policies;

/// <summary>What OpsBot does when a policy matches.</summary>
public enum RemediationMode
{
    /// <summary>Alert only (dry run): nothing is changed.</summary>
    Notify,

    /// <summary>Record a pending action and ask the policy's approvers in Slack.</summary>
    Approve,

    /// <summary>Remediate at once.</summary>
    Enforce,
}
