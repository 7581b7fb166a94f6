namespace OpsBot.Rules.Policies;

/// <summary>What a policy does about its matches.</summary>
/// <param name="Action">The registered action name, e.g. <c>revoke-matched-ingress</c>.</param>
/// <param name="Mode">Enforce, approve or notify.</param>
/// <param name="Approvers">Slack user (U…/W…) or user-group (S…) ids allowed to approve; empty unless mode is approve.</param>
/// <param name="Expires">How long an approval request stays open.</param>
/// <param name="Options">The action's typed options (the action's options record).</param>
public sealed record Remediation(string Action, RemediationMode Mode, IReadOnlyList<string> Approvers, TimeSpan Expires, object Options);
