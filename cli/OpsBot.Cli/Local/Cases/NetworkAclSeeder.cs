using System.Text.Json;
using Amazon.EC2;
using Amazon.EC2.Model;
using OpsBot.Rules.Resources.NetworkAcl;
using static OpsBot.Cli.Local.Cases.CaseJson;

namespace OpsBot.Cli.Local.Cases;

/// <summary>
/// Creates the ACLs of an <c>aws ec2 describe-network-acls</c> document, each in a VPC of its own
/// with a subnet standing for the document's, with the document's numbered entries (the
/// catch-all deny, number 32767, comes with every ACL) and tags.
/// </summary>
public sealed class NetworkAclSeeder : ICaseSeeder
{
    private const int CatchAll = 32767;

    /// <inheritdoc />
    public string ResourceType => NetworkAclResourceType.TypeName;

    /// <inheritdoc />
    public async Task<CaseSeed> SeedAsync(CaseSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var document = JsonDocument.Parse(context.StateDocument);
        var acls = Items(document.RootElement, "NetworkAcls").ToList();
        if (acls.Count == 0)
        {
            return CaseSeed.Skip("the state document holds no network ACL to create");
        }

        using var ec2 = context.Topology.Runtime.Clients.CreateEc2(context.Topology.MemberCredentials, context.Topology.Region);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var acl in acls)
        {
            var vpcId = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" }, cancellationToken)).Vpc.VpcId;
            if (Text(acl, "VpcId") is { } documentVpc)
            {
                ids.TryAdd(documentVpc, vpcId);
            }

            var aclId = (await ec2.CreateNetworkAclAsync(new CreateNetworkAclRequest { VpcId = vpcId }, cancellationToken)).NetworkAcl.NetworkAclId;
            ids[Text(acl, "NetworkAclId") ?? aclId] = aclId;
            foreach (var subnet in Items(acl, "Associations").Select(a => Text(a, "SubnetId")).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                ids.TryAdd(subnet, (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpcId, CidrBlock = $"10.0.{ids.Count}.0/24" }, cancellationToken)).Subnet.SubnetId);
            }

            foreach (var entry in Items(acl, "Entries").Where(e => Number(e, "RuleNumber") != CatchAll))
            {
                await ec2.CreateNetworkAclEntryAsync(Entry(aclId, entry), cancellationToken);
            }

            var tags = Items(acl, "Tags").Select(t => new Tag(Text(t, "Key"), Text(t, "Value") ?? "")).ToList();
            if (tags.Count > 0)
            {
                await ec2.CreateTagsAsync(new CreateTagsRequest([aclId], tags), cancellationToken);
            }
        }

        return CaseSeed.Created(ids);
    }

    private static CreateNetworkAclEntryRequest Entry(string aclId, JsonElement entry)
    {
        var request = new CreateNetworkAclEntryRequest
        {
            NetworkAclId = aclId,
            RuleNumber = Number(entry, "RuleNumber") ?? 100,
            Egress = entry.TryGetProperty("Egress", out var egress) && egress.ValueKind == JsonValueKind.True,
            Protocol = Text(entry, "Protocol") ?? "-1",
            RuleAction = new RuleAction(Text(entry, "RuleAction") ?? "allow"),
            CidrBlock = Text(entry, "CidrBlock"),
            Ipv6CidrBlock = Text(entry, "Ipv6CidrBlock"),
        };
        if (entry.TryGetProperty("PortRange", out var ports) && ports.ValueKind == JsonValueKind.Object)
        {
            request.PortRange = new PortRange { From = Number(ports, "From"), To = Number(ports, "To") };
        }

        return request;
    }
}
