using OpsBot.Rules.Facts;

namespace OpsBot.Functions.Aws.Ec2;

/// <summary>One element a revoke dealt with.</summary>
/// <param name="Permission">The element, as read before revoking (enough to authorize it again).</param>
/// <param name="Unconfirmed">True when EC2 answered NotFound: a retry of a revoke whose answer was lost, or someone removed it first. Gone either way; still restorable.</param>
public sealed record RevokedPermission(PermissionFact Permission, bool Unconfirmed);
