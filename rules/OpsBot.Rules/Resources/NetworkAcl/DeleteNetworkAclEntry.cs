using OpsBot.Rules.Actions;
using OpsBot.Rules.Evaluation;

namespace OpsBot.Rules.Resources.NetworkAcl;

/// <summary>
/// Deletes exactly the matched allow entries of a network ACL, each by its rule number and
/// direction; every other entry stays. Deny entries and the default entry (32767) are never
/// deleted: removing a deny could only let more in. The deleted entries are the restorable state.
/// </summary>
public sealed class DeleteNetworkAclEntry : IRemediationAction
{
    /// <summary>The <c>verify</c> option's name.</summary>
    public const string VerifyOption = "verify";

    /// <inheritdoc />
    public string Name => "delete-network-acl-entry";

    /// <inheritdoc />
    public string Summary => "Delete the matched allow entries of the network ACL (by rule number and direction), keeping them for undo; deny entries are never deleted.";

    /// <inheritdoc />
    public string ResourceType => NetworkAclResourceType.TypeName;

    /// <inheritdoc />
    public IReadOnlyList<string> Selections { get; } = ["ingress", "egress"];

    /// <inheritdoc />
    public IReadOnlyList<string> IamPermissions { get; } = ["ec2:DescribeNetworkAcls", "ec2:DeleteNetworkAclEntry", "ec2:CreateNetworkAclEntry"];

    /// <inheritdoc />
    public IReadOnlyList<ActionOption> Options { get; } =
    [
        new(VerifyOption, ActionOptionType.Boolean, true, "Re-read the network ACL after the change and report whether it now complies."),
    ];

    /// <inheritdoc />
    public string Example => """
        id: example-nacl-ssh-from-internet
        title: Network ACLs must not let SSH in from the internet
        severity: high
        resource: aws.ec2.network-acl
        triggers: [CreateNetworkAclEntry, ReplaceNetworkAclEntry]
        select: ingress
        when: entry.AllowsFromInternet(22)
        unless: acl.Tag("opsbot:exempt") == "true"
        remediation:
          action: delete-network-acl-entry
          mode: enforce
        notify: [slack, sns]
        """;

    /// <inheritdoc />
    public object CreateOptions(ActionOptionValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new NetworkAclRemediationOptions(values.Boolean(VerifyOption));
    }

    /// <inheritdoc />
    public RemediationPlan Plan(PolicyDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        List<object> remove = [.. decision.Elements.OfType<NetworkAclEntryFact>().Where(e => e.IsAllow && !e.IsDefaultRule)];
        return new RemediationPlan(Name, decision.ResourceId, [], remove.Count == 0 ? "none of the matched entries is an allow entry this action may delete" : null)
        {
            Elements = remove,
        };
    }
}
