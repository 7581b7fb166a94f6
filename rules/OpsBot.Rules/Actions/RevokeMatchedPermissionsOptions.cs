namespace OpsBot.Rules.Actions;

/// <summary>Options of the revoke actions.</summary>
/// <param name="MaxRules">The most elements one remediation may revoke; beyond it the plan is blocked for a human.</param>
/// <param name="Verify">Re-read the resource after revoking and report whether it now complies.</param>
public sealed record RevokeMatchedPermissionsOptions(int MaxRules, bool Verify);
