using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Rules.Actions;

namespace OpsBot.Functions.Resources;

/// <summary>
/// The functions side of a resource type: read its live state through the member session, turn an
/// action's plan into a change that carries the state it replaces, make the change, and put the
/// earlier state back for undo. The rules side (facts, events, actions' plans) is the type's
/// <c>IResourceType</c>; the two are paired by <see cref="ResourceType"/>.
/// </summary>
public interface IResourceAdapter
{
    /// <summary>The resource type's name, e.g. <c>aws.s3.bucket</c>.</summary>
    string ResourceType { get; }

    /// <summary>
    /// The IAM actions <see cref="RestoreAsync"/> makes, each with what tells it from the fix; the
    /// event handler's and the sweeper's sessions are denied them (a convention test walks every adapter).
    /// </summary>
    IReadOnlyList<RestorePermission> RestorePermissions { get; }

    /// <summary>The resource fact as the member account reports it now; null when the resource does not exist.</summary>
    Task<object?> ReadAsync(MemberSession session, string resourceId, CancellationToken cancellationToken);

    /// <summary>The change <paramref name="plan"/> makes to <paramref name="resource"/> (as just read), with the state it replaces.</summary>
    /// <exception cref="NotSupportedException">The plan's action is not one of this type's.</exception>
    ResourceChange Describe(object resource, RemediationPlan plan);

    /// <summary>Makes <paramref name="change"/>; making it again is harmless.</summary>
    Task ApplyAsync(MemberSession session, ResourceChange change, CancellationToken cancellationToken);

    /// <summary>Puts back the state <paramref name="change"/> replaced, leaving everything changed since untouched where the type allows.</summary>
    Task RestoreAsync(MemberSession session, ResourceChange change, CancellationToken cancellationToken);
}
