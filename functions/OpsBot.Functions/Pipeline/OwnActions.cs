using OpsBot.Functions.Aws.Sts;
using OpsBot.Rules.Events;

namespace OpsBot.Functions.Pipeline;

/// <summary>
/// Tells OpsBot's own calls in a member account from everyone else's: CloudTrail names the caller
/// <c>arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE/opsbot-remediation</c> for every session the
/// central functions assume. Acting on them again would undo an Undo, or fight a fix with itself.
/// </summary>
internal static class OwnActions
{
    /// <summary>True when <paramref name="actor"/> is an OpsBot session of the member role <paramref name="roleName"/>.</summary>
    public static bool IsOwn(Actor actor, string? roleName)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrEmpty(roleName) || !actor.Arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = actor.Arn.Split(':', 6);
        return parts.Length == 6
            && parts[2] == "sts"
            && parts[5] == $"assumed-role/{roleName}/{AssumeRoleSessions.SessionName}";
    }
}
