using System.Globalization;
using OpsBot.Functions.Audit;

namespace OpsBot.Functions.Holds;

/// <summary>
/// A suppression or exemption recorded in the state table: which resource and policy, which elements
/// (none listed: all of them), who asked, why, until when, and the audit record it came from.
/// </summary>
/// <param name="Kind">Suppression (after Undo) or exemption.</param>
/// <param name="Id">The hold's id (unique).</param>
/// <param name="Account">The member account.</param>
/// <param name="Region">The region.</param>
/// <param name="ResourceId">The resource.</param>
/// <param name="PolicyId">The policy whose remediation is held.</param>
/// <param name="Rules">Security-group rules held, by shape (their ids change when they are put back); empty for other types.</param>
/// <param name="Elements">Other elements held, in the words the audit keeps (<see cref="AuditDecision.MatchedElements"/>); empty with no rules: every element.</param>
/// <param name="By">The Slack user who asked.</param>
/// <param name="Reason">Why, as they wrote it.</param>
/// <param name="CreatedAt">When it was recorded.</param>
/// <param name="Until">When it ends; from then on the resource is remediated again.</param>
/// <param name="AuditId">The event id of the audit record it came from.</param>
public sealed record ResourceHold(
    HoldKind Kind,
    string Id,
    string Account,
    string Region,
    string ResourceId,
    string PolicyId,
    IReadOnlyList<AuditPermission> Rules,
    IReadOnlyList<string> Elements,
    string By,
    string Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset Until,
    string AuditId)
{
    /// <summary>True when it holds every element of the policy on the resource.</summary>
    public bool CoversAll => Rules.Count == 0 && Elements.Count == 0;

    /// <summary>True while it is in force at <paramref name="now"/>.</summary>
    public bool IsLive(DateTimeOffset now) => now < Until;

    /// <summary>The hold in words, for audit reasons and alerts: "suppressed until … by … (undo: …; audit …)".</summary>
    public string Describe() =>
        $"{(Kind == HoldKind.Suppression ? "suppressed" : "exempted")} until {Stamp(Until)} by {By} ({(Kind == HoldKind.Suppression ? "undo" : "exemption")}: {Reason}; audit {AuditId})";

    /// <summary>A time as the audit writes it.</summary>
    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
