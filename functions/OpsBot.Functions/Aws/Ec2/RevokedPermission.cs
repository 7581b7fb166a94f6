using OpsBot.Rules.Facts;

namespace OpsBot.Functions.Aws.Ec2;

/// <summary>One element a revoke dealt with.</summary>
/// <param name="Permission">The element, as read before revoking (enough to authorize it again).</param>
/// <param name="AlreadyGone">True when EC2 reported it no longer existed (someone else removed it first).</param>
public sealed record RevokedPermission(PermissionFact Permission, bool AlreadyGone);
