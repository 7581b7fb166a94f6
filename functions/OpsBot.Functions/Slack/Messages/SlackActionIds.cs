namespace OpsBot.Functions.Slack.Messages;

/// <summary>The <c>action_id</c>s of OpsBot's buttons, as the interactions handler receives them.</summary>
public static class SlackActionIds
{
    /// <summary>Run the pending remediation.</summary>
    public const string Approve = "opsbot_approve";

    /// <summary>Close the pending remediation without acting.</summary>
    public const string Deny = "opsbot_deny";

    /// <summary>Restore the rules a remediation revoked.</summary>
    public const string Undo = "opsbot_undo";

    /// <summary>Exempt the resource from the policy for a while.</summary>
    public const string Exempt = "opsbot_exempt";

    /// <summary>Release a blast-radius batch: remediate what the account limit held (see <c>Brakes/HeldBatchRelease</c>).</summary>
    public const string ReleaseHeld = "opsbot_release_held";

    /// <summary>Reset the circuit breaker the message announced.</summary>
    public const string ResetBreaker = "opsbot_reset_breaker";

    /// <summary>The <c>block_id</c> of the actions block that holds them.</summary>
    public const string ActionsBlockId = "opsbot_actions";
}
