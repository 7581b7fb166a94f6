using OpsBot.Rules.Actions;

namespace OpsBot.Rules.Policies;

/// <summary>What a policy does about its matches.</summary>
/// <param name="Action">The registered action name, e.g. <c>revoke-matched-ingress</c>; an empty string for a notify-only policy that names none.</param>
/// <param name="Mode">Enforce, approve or notify.</param>
/// <param name="Approvers">Slack user (U…/W…) or user-group (S…) ids allowed to approve; empty unless mode is approve.</param>
/// <param name="Expires">How long an approval request stays open.</param>
/// <param name="Options">The action's typed options (the action's options record); <see cref="NoOptions"/> without an action.</param>
public sealed record Remediation(string Action, RemediationMode Mode, IReadOnlyList<string> Approvers, TimeSpan Expires, object Options)
{
    /// <summary>The options of a remediation without an action: there is nothing to configure.</summary>
    public static object NoOptions { get; } = new ActionOptionValues(new Dictionary<string, object>());

    /// <summary>The fight limits (<c>remediation.fight</c>): how often the policy may remediate one resource on its own.</summary>
    public FightLimits Fight { get; init; } = FightLimits.Default;

    /// <summary>How long an Undo keeps the restored elements from being revoked again (<c>remediation.suppressFor</c>, 1h to 7d, default 24h).</summary>
    public TimeSpan SuppressFor { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The longest exemption an approver may grant from Slack (<c>remediation.exemptMax</c>, 1d to 90d, default 30d).</summary>
    public TimeSpan ExemptMax { get; init; } = TimeSpan.FromDays(30);

    /// <summary>True when the policy names an action (it may still only notify).</summary>
    public bool HasAction => Action.Length > 0;

    /// <summary>Alert only, no action: what a policy without a <c>remediation</c> block means.</summary>
    public static Remediation NotifyOnly { get; } = new("", RemediationMode.Notify, [], TimeSpan.FromHours(1), NoOptions);
}
