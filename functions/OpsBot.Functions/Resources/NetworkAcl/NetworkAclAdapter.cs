using Amazon.EC2;
using Amazon.EC2.Model;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Aws.Sts;
using OpsBot.Rules.Actions;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Resources.NetworkAcl;

namespace OpsBot.Functions.Resources.NetworkAcl;

/// <summary>
/// Network ACLs in a member account. <c>delete-network-acl-entry</c> deletes exactly the matched
/// entries, each by rule number and direction, and only while the live entry under that number is
/// still the one matched (a replaced entry is left alone); an entry already gone is success. Undo
/// recreates each deleted entry with its rule number, protocol, ports, CIDR and action, unless
/// another entry has taken its number since.
/// </summary>
public sealed class NetworkAclAdapter : IResourceAdapter
{
    private const string DeleteEntry = "delete-network-acl-entry";

    /// <inheritdoc />
    public string ResourceType => NetworkAclResourceType.TypeName;

    /// <inheritdoc />
    public IReadOnlyList<RestorePermission> RestorePermissions { get; } =
    [
        RestorePermission.Always("ec2:CreateNetworkAclEntry"),
    ];

    /// <inheritdoc />
    public async Task<object?> ReadAsync(MemberSession session, string resourceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await NetworkAclReader.ReadAsync(session.Ec2, resourceId, cancellationToken);
    }

    /// <inheritdoc />
    public ResourceChange Describe(object resource, RemediationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var acl = resource as NetworkAclFact ?? throw new ArgumentException($"expected a network ACL, got {resource?.GetType().Name}", nameof(resource));
        if (plan.Action != DeleteEntry)
        {
            throw new NotSupportedException($"{ResourceType} has no action '{plan.Action}'");
        }

        var entries = plan.Elements.OfType<NetworkAclEntryFact>().ToList();
        return new ResourceChange(DeleteEntry, acl.Id, $"delete {entries.Count} entr{(entries.Count == 1 ? "y" : "ies")} from network ACL {acl.Id}: {string.Join(", ", entries)}", [.. entries.Select(e => e.ToString())], NetworkAclEntryJson.Write(entries));
    }

    /// <inheritdoc />
    public async Task ApplyAsync(MemberSession session, ResourceChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(change);
        var live = await LiveEntriesAsync(session.Ec2, change.ResourceId, cancellationToken);
        foreach (var entry in NetworkAclEntryJson.Read(change.Before))
        {
            var current = live.FirstOrDefault(e => e.RuleNumber == entry.RuleNumber && e.Egress == entry.Egress);
            if (current is null || !NetworkAclEntryJson.SameRule(current, entry))
            {
                // Gone already, or replaced by another entry under the same number since it was matched.
                continue;
            }

            try
            {
                await session.Ec2.DeleteNetworkAclEntryAsync(new DeleteNetworkAclEntryRequest { NetworkAclId = change.ResourceId, RuleNumber = entry.RuleNumber, Egress = entry.Egress }, cancellationToken);
            }
            catch (AmazonEC2Exception ex) when (ex.ErrorCode == "InvalidNetworkAclEntry.NotFound")
            {
            }
        }
    }

    /// <inheritdoc />
    public async Task RestoreAsync(MemberSession session, ResourceChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(change);
        var live = await LiveEntriesAsync(session.Ec2, change.ResourceId, cancellationToken);
        foreach (var entry in NetworkAclEntryJson.Read(change.Before))
        {
            if (live.Any(e => e.RuleNumber == entry.RuleNumber && e.Egress == entry.Egress))
            {
                // Already back, or the number holds an entry made since: that one is left as it is.
                continue;
            }

            await session.Ec2.CreateNetworkAclEntryAsync(Create(change.ResourceId, entry), cancellationToken);
        }
    }

    private static async Task<IReadOnlyList<NetworkAclEntryFact>> LiveEntriesAsync(IAmazonEC2 ec2, string id, CancellationToken cancellationToken) =>
        await NetworkAclReader.ReadAsync(ec2, id, cancellationToken) is { } acl ? [.. acl.Ingress, .. acl.Egress] : [];

    private static CreateNetworkAclEntryRequest Create(string acl, NetworkAclEntryFact entry)
    {
        var request = new CreateNetworkAclEntryRequest
        {
            NetworkAclId = acl,
            RuleNumber = entry.RuleNumber,
            Egress = entry.Egress,
            Protocol = NetworkAclEntryJson.ProtocolNumber(entry.Protocol),
            RuleAction = entry.IsAllow ? RuleAction.Allow : RuleAction.Deny,
        };
        if (entry.IsIpv6)
        {
            request.Ipv6CidrBlock = entry.Cidr;
        }
        else
        {
            request.CidrBlock = entry.Cidr;
        }

        if (IpProtocol.HasPorts(entry.Protocol))
        {
            request.PortRange = new PortRange { From = entry.FromPort, To = entry.ToPort };
        }

        if (entry.Protocol is IpProtocol.Icmp or IpProtocol.Icmpv6)
        {
            request.IcmpTypeCode = new IcmpTypeCode { Type = entry.IcmpType, Code = entry.IcmpCode };
        }

        return request;
    }
}
