using System.Text.Json;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Ec2;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Rules.Actions;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Resources;

namespace OpsBot.Functions.Resources.SecurityGroup;

/// <summary>
/// Security groups in a member account. <c>revoke-matched-ingress</c> and <c>revoke-matched-egress</c>
/// revoke exactly the matched rules, by security-group rule id where known, and nothing else; a rule
/// EC2 reports gone (<c>InvalidPermission.NotFound</c>, <c>InvalidSecurityGroupRuleId.NotFound</c>) is
/// revoked, unconfirmed, and still restorable. Undo authorizes the revoked rules again by shape (EC2
/// gives them new rule ids). Groups are read by id, or by name within a VPC when an event names them so.
/// </summary>
public sealed class SecurityGroupAdapter : IRuleRevokingAdapter, IResourceReferenceReader
{
    private static readonly HashSet<string> Actions = new(StringComparer.Ordinal) { "revoke-matched-ingress", "revoke-matched-egress" };

    /// <inheritdoc />
    public string ResourceType => SecurityGroupResourceType.TypeName;

    /// <inheritdoc />
    public IReadOnlyList<RestorePermission> RestorePermissions => Ec2SecurityGroupClient.RestorePermissions;

    /// <inheritdoc />
    public Task<object?> ReadAsync(MemberSession session, string resourceId, CancellationToken cancellationToken) =>
        ReadAsync(session, resourceId.StartsWith("sg-", StringComparison.Ordinal)
            ? new ResourceReference(ResourceType, resourceId)
            : new ResourceReference(ResourceType, null, resourceId), cancellationToken);

    /// <inheritdoc />
    public async Task<object?> ReadAsync(MemberSession session, ResourceReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await Groups(session).ReadAsync(reference, cancellationToken);
    }

    /// <inheritdoc />
    public ResourceChange Describe(object resource, RemediationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var group = resource as SecurityGroupFact ?? throw new ArgumentException($"expected a security group, got {resource?.GetType().Name}", nameof(resource));
        if (!Actions.Contains(plan.Action))
        {
            throw new NotSupportedException($"{ResourceType} has no action '{plan.Action}'");
        }

        var rules = plan.Elements.Select(Audit).ToList();
        var summary = $"revoke {rules.Count} rule(s) of {group.GroupId}" + (rules.Count == 0 ? "" : $": {string.Join(", ", rules)}");
        return new ResourceChange(plan.Action, group.GroupId, summary, [.. rules.Select(r => r.ToString())], JsonSerializer.Serialize(rules, AuditJsonContext.Default.ListAuditPermission));
    }

    /// <inheritdoc />
    public async Task ApplyAsync(MemberSession session, ResourceChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await RevokeAsync(session, change.ResourceId, [.. Read(change).Select(r => (object)r.ToFact())], cancellationToken);
    }

    /// <inheritdoc />
    public Task RestoreAsync(MemberSession session, ResourceChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return AuthorizeAsync(session, change.ResourceId, Read(change), cancellationToken);
    }

    /// <inheritdoc />
    public AuditPermission Audit(object rule) =>
        rule is PermissionFact permission ? AuditPermission.From(permission) : throw new ArgumentException($"expected a security-group rule, got {rule?.GetType().Name}", nameof(rule));

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditPermission>> RevokeAsync(MemberSession session, string resourceId, IReadOnlyList<object> rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(rules);
        var permissions = rules.Select(r => r as PermissionFact ?? throw new ArgumentException($"expected a security-group rule, got {r?.GetType().Name}", nameof(rules))).ToList();
        if (permissions.Count == 0)
        {
            return [];
        }

        var revoked = await Groups(session).RevokeAsync(resourceId, permissions, cancellationToken);
        return [.. revoked.Select(r => AuditPermission.From(r.Permission, r.Unconfirmed))];
    }

    /// <inheritdoc />
    public Task AuthorizeAsync(MemberSession session, string resourceId, IReadOnlyList<AuditPermission> rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(rules);

        // By shape, not rule id: the old rules are gone and EC2 gives the restored ones new ids.
        return Groups(session).AuthorizeAsync(resourceId, [.. rules.Select(p => p.ToFact() with { RuleId = null })], cancellationToken);
    }

    /// <inheritdoc />
    public bool Verifies(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Remediation.Options is not RevokeMatchedPermissionsOptions { Verify: false };
    }

    private static List<AuditPermission> Read(ResourceChange change) =>
        JsonSerializer.Deserialize(change.Before, AuditJsonContext.Default.ListAuditPermission)
            ?? throw new InvalidOperationException($"the change to {change.ResourceId} keeps no rules to act on");

    private static Ec2SecurityGroupClient Groups(MemberSession session) => new(session.Ec2);
}
