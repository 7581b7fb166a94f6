using System.Text.Json;
using Amazon.EC2;
using Amazon.EC2.Model;
using OpsBot.Rules.Resources;
using static OpsBot.Cli.Local.Cases.CaseJson;

namespace OpsBot.Cli.Local.Cases;

/// <summary>
/// Creates the groups of an <c>aws ec2 describe-security-groups</c> document in a VPC of their own
/// (so names never collide between cases; a group named <c>default</c> is that VPC's default group),
/// with exactly the document's permissions and tags. Groups the permissions reference but the
/// document does not hold are created empty beside them. Rule ids the event or the rules document
/// name are mapped to the emulator's by what the rule allows.
/// </summary>
public sealed class SecurityGroupSeeder : ICaseSeeder
{
    /// <inheritdoc />
    public string ResourceType => SecurityGroupResourceType.TypeName;

    /// <inheritdoc />
    public async Task<CaseSeed> SeedAsync(CaseSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.References.Any(r => r.Id is null && r.VpcId is null))
        {
            return CaseSeed.Skip("the event names its group without a VPC (the default VPC); the demo creates each case's groups in a VPC of their own");
        }

        using var document = JsonDocument.Parse(context.StateDocument);
        var groups = document.RootElement.TryGetProperty("SecurityGroups", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [];
        if (groups.Count == 0)
        {
            return CaseSeed.Skip("the state document holds no security group to create");
        }

        using var ec2 = context.Topology.Runtime.Clients.CreateEc2(context.Topology.MemberCredentials, context.Topology.Region);
        var vpcId = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" }, cancellationToken)).Vpc.VpcId;
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            if (Text(group, "VpcId") is { } documentVpc)
            {
                ids[documentVpc] = vpcId;
            }

            var name = Text(group, "GroupName") ?? "group";
            ids[Text(group, "GroupId") ?? name] = name == "default"
                ? await DefaultGroupAsync(ec2, vpcId, cancellationToken)
                : (await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest(name, Text(group, "Description") ?? name) { VpcId = vpcId }, cancellationToken)).GroupId;
        }

        foreach (var referenced in groups.SelectMany(g => Items(g, "IpPermissions").Concat(Items(g, "IpPermissionsEgress")))
                     .SelectMany(p => Items(p, "UserIdGroupPairs")).Select(pair => Text(pair, "GroupId")).OfType<string>().Distinct(StringComparer.Ordinal).Where(id => !ids.ContainsKey(id)).ToList())
        {
            ids[referenced] = (await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest($"peer-{ids.Count}", "referenced by a case's group") { VpcId = vpcId }, cancellationToken)).GroupId;
        }

        foreach (var group in groups)
        {
            var groupId = ids[Text(group, "GroupId") ?? Text(group, "GroupName") ?? "group"];
            await ReplacePermissionsAsync(ec2, groupId, group, ids, cancellationToken);
            var tags = Items(group, "Tags").Select(t => new Tag(Text(t, "Key"), Text(t, "Value") ?? "")).ToList();
            if (tags.Count > 0)
            {
                await ec2.CreateTagsAsync(new CreateTagsRequest([groupId], tags), cancellationToken);
            }
        }

        await MapRuleIdsAsync(ec2, context, ids, cancellationToken);
        return CaseSeed.Created(ids);
    }

    private static async Task<string> DefaultGroupAsync(IAmazonEC2 ec2, string vpcId, CancellationToken cancellationToken)
    {
        var found = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("vpc-id", [vpcId]), new Filter("group-name", ["default"])] }, cancellationToken);
        return found.SecurityGroups.Single().GroupId;
    }

    // What the emulator gives a new group (allow-all egress; the default group's self-reference)
    // is taken away first, so the group holds exactly what the document says.
    private static async Task ReplacePermissionsAsync(IAmazonEC2 ec2, string groupId, JsonElement group, Dictionary<string, string> ids, CancellationToken cancellationToken)
    {
        var existing = (await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [groupId] }, cancellationToken)).SecurityGroups.Single();
        if (existing.IpPermissions is { Count: > 0 } ingress)
        {
            await ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = groupId, IpPermissions = ingress }, cancellationToken);
        }

        if (existing.IpPermissionsEgress is { Count: > 0 } egress)
        {
            await ec2.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest { GroupId = groupId, IpPermissions = egress }, cancellationToken);
        }

        var wantIngress = Items(group, "IpPermissions").Select(p => SecurityGroupPermissionJson.Read(p, ids)).ToList();
        if (wantIngress.Count > 0)
        {
            await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = groupId, IpPermissions = wantIngress }, cancellationToken);
        }

        var wantEgress = Items(group, "IpPermissionsEgress").Select(p => SecurityGroupPermissionJson.Read(p, ids)).ToList();
        if (wantEgress.Count > 0)
        {
            await ec2.AuthorizeSecurityGroupEgressAsync(new AuthorizeSecurityGroupEgressRequest { GroupId = groupId, IpPermissions = wantEgress }, cancellationToken);
        }
    }

    private static async Task MapRuleIdsAsync(IAmazonEC2 ec2, CaseSeedContext context, Dictionary<string, string> ids, CancellationToken cancellationToken)
    {
        var groupIds = ids.Values.Where(v => v.StartsWith("sg-", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        var rules = (await ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest { Filters = [new Filter("group-id", groupIds)] }, cancellationToken)).SecurityGroupRules ?? [];
        foreach (var named in SecurityGroupPermissionJson.NamedRules(context.EventText).Concat(context.Companion is null ? [] : SecurityGroupPermissionJson.NamedRules(context.Companion)))
        {
            var match = rules.FirstOrDefault(r => SecurityGroupPermissionJson.SameRule(named, r, ids));
            if (match is not null)
            {
                ids.TryAdd(named.Id, match.SecurityGroupRuleId);
            }
        }
    }
}
