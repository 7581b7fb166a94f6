using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace OpsBot.Functions.Aws.Sts;

/// <summary>
/// Why a member session is assumed: which function acts, under which audit record, and (for approve
/// and undo) which Slack user asked. The member account's CloudTrail shows it as the caller
/// <c>assumed-role/ROLE/opsbot-FUNCTION-AUDITID</c> with the user as <c>sourceIdentity</c>, so every
/// change OpsBot makes there can be traced to its audit record and its approver.
/// </summary>
/// <param name="Function">The function acting.</param>
/// <param name="AuditId">The key of the audit record the session's changes are recorded under (the event id, the sweep finding id).</param>
/// <param name="SourceIdentity">The Slack user who approved or undid, or null.</param>
public sealed record SessionPurpose(OpsBotFunction Function, string AuditId, string? SourceIdentity = null)
{
    /// <summary>What every OpsBot session name starts with.</summary>
    public const string Prefix = "opsbot-";

    /// <summary>STS's limit on a role session name (and on a source identity).</summary>
    public const int MaxLength = 64;

    /// <summary>The role session name: <c>opsbot-FUNCTION-AUDITID</c>, characters outside <c>[\w+=,.@-]</c> replaced by <c>-</c>, cut at 64.</summary>
    public string RoleSessionName
    {
        get
        {
            var name = Prefix + FunctionName(Function) + "-" + Sanitise(AuditId);
            return name.Length <= MaxLength ? name : name[..MaxLength];
        }
    }

    /// <summary>
    /// The <c>SourceIdentity</c> to set: the Slack user, sanitised like the session name (2 to 64
    /// characters; no <c>:</c> is left, so never the reserved <c>aws:</c> prefix); null when there is none or it is too short.
    /// </summary>
    public string? StsSourceIdentity
    {
        get
        {
            if (string.IsNullOrWhiteSpace(SourceIdentity))
            {
                return null;
            }

            var identity = Sanitise(SourceIdentity.Trim());
            identity = identity.Length <= MaxLength ? identity : identity[..MaxLength];
            return identity.Length >= 2 ? identity : null;
        }
    }

    /// <summary>A session for the event handler acting on event <paramref name="eventId"/>.</summary>
    public static SessionPurpose EventHandler(string eventId) => new(OpsBotFunction.EventHandler, eventId);

    /// <summary>A session for the sweeper recording under <paramref name="auditId"/> (a finding's id, or a scan's name when it only reads).</summary>
    public static SessionPurpose Sweeper(string auditId) => new(OpsBotFunction.Sweeper, auditId);

    /// <summary>A session for an approval or undo by <paramref name="slackUser"/> of the record <paramref name="auditId"/>.</summary>
    public static SessionPurpose SlackInteraction(string auditId, string slackUser) => new(OpsBotFunction.SlackInteractions, auditId, slackUser);

    /// <summary>
    /// Reads a role session name made by <see cref="RoleSessionName"/> back into its function and audit
    /// id; false for any other name (including the fixed <c>opsbot-remediation</c> of earlier versions).
    /// </summary>
    public static bool TryParse(string sessionName, out OpsBotFunction function, [NotNullWhen(true)] out string? auditId)
    {
        function = default;
        auditId = null;
        if (sessionName is null || !sessionName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var candidate in Enum.GetValues<OpsBotFunction>())
        {
            var head = Prefix + FunctionName(candidate) + "-";
            if (sessionName.Length > head.Length && sessionName.StartsWith(head, StringComparison.Ordinal))
            {
                function = candidate;
                auditId = sessionName[head.Length..];
                return true;
            }
        }

        return false;
    }

    /// <summary>The short name of <paramref name="function"/> in session names.</summary>
    public static string FunctionName(OpsBotFunction function) => function switch
    {
        OpsBotFunction.EventHandler => "events",
        OpsBotFunction.Sweeper => "sweeper",
        OpsBotFunction.SlackInteractions => "slack",
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, "unknown function"),
    };

    /// <summary><paramref name="value"/> with every character outside STS's <c>[\w+=,.@-]</c> replaced by <c>-</c>.</summary>
    public static string Sanitise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '=' or ',' or '.' or '@' or '-' ? c : '-');
        }

        return text.ToString();
    }
}
