using OpsBot.Rules.Facts;
using OpsBot.Rules.Resources;

namespace OpsBot.Functions.Aws.Ec2;

/// <summary>Security groups of one account and region, read live and changed rule by rule.</summary>
public interface ISecurityGroupClient
{
    /// <summary>Reads the group <paramref name="reference"/> points at, with one element per rule (rule ids included); null when it does not exist.</summary>
    Task<SecurityGroupFact?> ReadAsync(ResourceReference reference, CancellationToken cancellationToken);

    /// <summary>
    /// Revokes exactly <paramref name="permissions"/> (ingress and egress, by rule id where known) and
    /// nothing else; a rule that is already gone counts as done.
    /// </summary>
    Task<IReadOnlyList<RevokedPermission>> RevokeAsync(string groupId, IReadOnlyList<PermissionFact> permissions, CancellationToken cancellationToken);

    /// <summary>
    /// Every security group of the account and region with its rules, read account-wide in pages
    /// (for sweeps): each fact is the one <see cref="ReadAsync"/> gives for that group.
    /// </summary>
    Task<IReadOnlyList<SecurityGroupFact>> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>Authorizes <paramref name="permissions"/> again (undo of a revoke); a rule that already exists counts as done.</summary>
    Task AuthorizeAsync(string groupId, IReadOnlyList<PermissionFact> permissions, CancellationToken cancellationToken);
}
