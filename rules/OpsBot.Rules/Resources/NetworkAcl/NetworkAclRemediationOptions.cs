namespace OpsBot.Rules.Resources.NetworkAcl;

/// <summary>Options of the network ACL actions.</summary>
/// <param name="Verify">Re-read the ACL after the change and report whether it now complies.</param>
public sealed record NetworkAclRemediationOptions(bool Verify);
