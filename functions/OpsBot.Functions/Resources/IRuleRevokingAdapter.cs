using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Resources;

/// <summary>
/// An adapter whose resource is a set of rules that policies match and revoke one by one (a security
/// group). The pipeline then revokes the union of every enforced plan's rules in one go, each rule
/// once, and credits each rule's outcome to every policy that planned it; the audit keeps the rules
/// themselves (<see cref="AuditDecision.Matched"/>, <see cref="AuditDecision.Revoked"/>) rather than a
/// <see cref="ResourceChange"/>, and undo authorizes them again.
/// </summary>
public interface IRuleRevokingAdapter : IResourceAdapter
{
    /// <summary>The audit form of one matched rule (an element of a plan or a decision).</summary>
    /// <exception cref="ArgumentException"><paramref name="rule"/> is not one of this type's rules.</exception>
    AuditPermission Audit(object rule);

    /// <summary>
    /// Revokes exactly <paramref name="rules"/> of <paramref name="resourceId"/> and nothing else; a rule
    /// already gone counts as done and comes back <see cref="AuditPermission.Unconfirmed"/>.
    /// </summary>
    /// <returns>The audit form of each rule dealt with.</returns>
    Task<IReadOnlyList<AuditPermission>> RevokeAsync(MemberSession session, string resourceId, IReadOnlyList<object> rules, CancellationToken cancellationToken);

    /// <summary>Authorizes <paramref name="rules"/> again (undo of a revoke); a rule that already exists counts as done.</summary>
    Task AuthorizeAsync(MemberSession session, string resourceId, IReadOnlyList<AuditPermission> rules, CancellationToken cancellationToken);

    /// <summary>True when <paramref name="policy"/> asks for the resource to be read again after revoking (its <c>verify</c> option).</summary>
    bool Verifies(Policy policy);
}
