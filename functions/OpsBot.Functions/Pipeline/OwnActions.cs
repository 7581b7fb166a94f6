using OpsBot.Functions.Aws.Sts;
using OpsBot.Functions.State;
using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Events;

namespace OpsBot.Functions.Pipeline;

/// <summary>
/// Tells OpsBot's own calls in a member account from everyone else's. CloudTrail names the caller
/// <c>arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE/opsbot-FUNCTION-AUDITID</c> (see
/// <see cref="SessionPurpose"/>); a call is OpsBot's own only when that audit record exists for the
/// same account. Acting on those again would undo an Undo, or fight a fix with itself. A call made
/// with the role that OpsBot has no record of — someone else assuming the role, or naming a session
/// like OpsBot's — is evaluated like any event and flagged as suspicious in its alert.
/// </summary>
/// <param name="roleName">The member remediation role's name; null to treat every call as someone else's.</param>
/// <param name="state">Where the audit records are.</param>
public sealed class OwnActions(string? roleName, IStateStore state)
{
    /// <summary>The suspicion alerts show for a call made with the role but not by OpsBot.</summary>
    public const string Suspicion = "suspicious: made with OpsBot's role but not by OpsBot";

    /// <summary>Whether <paramref name="cloudTrailEvent"/> was made by an OpsBot session, and whether OpsBot recorded it.</summary>
    public async Task<OwnActionCheck> CheckAsync(CloudTrailEvent cloudTrailEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cloudTrailEvent);
        var arn = cloudTrailEvent.Actor.Arn;
        if (SessionOfRole(arn) is not var (sessionAccount, session))
        {
            return OwnActionCheck.NotOwn;
        }

        if (!SessionPurpose.TryParse(session, out var function, out var auditId))
        {
            return new(OwnActionKind.Unrecorded, $"{Suspicion} (session '{session}' is not one OpsBot names)");
        }

        var record = await state.ReadAuditAsync(auditId, cancellationToken);
        if (record is null || record.Account != cloudTrailEvent.Account || record.Account != sessionAccount)
        {
            return new(OwnActionKind.Unrecorded, $"{Suspicion} (session '{session}' in {sessionAccount} names audit record '{auditId}', which OpsBot has no record of in {sessionAccount})");
        }

        return new(OwnActionKind.Recorded, $"{SkipReason.OwnAction.Name()}: the call was made by OpsBot's {SessionPurpose.FunctionName(function)} session ({arn}) under audit record {auditId}, a fix or an undo of its own, so it is not acted on again");
    }

    // The account and session name when arn is an assumed-role session of the member role, else null.
    private (string Account, string Session)? SessionOfRole(string arn)
    {
        if (string.IsNullOrEmpty(roleName) || !arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = arn.Split(':', 6);
        var prefix = $"assumed-role/{roleName}/";
        return parts.Length == 6 && parts[2] == "sts" && parts[5].StartsWith(prefix, StringComparison.Ordinal) && parts[5].Length > prefix.Length
            ? (parts[4], parts[5][prefix.Length..])
            : null;
    }
}
