using Amazon.EC2.Model;
using OpsBot.Rules.Facts;
using TrafficDirection = OpsBot.Rules.Facts.TrafficDirection;

namespace OpsBot.Functions.Aws.Ec2;

/// <summary>
/// Turns what EC2 describes (a <see cref="SecurityGroup"/> and its <see cref="SecurityGroupRule"/>s)
/// into a <see cref="SecurityGroupFact"/>; the one mapping behind a single group's read and the
/// sweep's account-wide read, so both see a group the same way.
/// </summary>
internal static class SecurityGroupFactMapper
{
    /// <summary>The fact for <paramref name="group"/> with one element per rule of <paramref name="rules"/> that belongs to it.</summary>
    public static SecurityGroupFact ToFact(SecurityGroup group, IEnumerable<SecurityGroupRule> rules)
    {
        var fact = new SecurityGroupFact
        {
            GroupId = group.GroupId,
            GroupName = group.GroupName ?? "",
            VpcId = group.VpcId ?? "",
            OwnerId = group.OwnerId ?? "",
            Description = group.Description ?? "",
            Tags = (group.Tags ?? []).GroupBy(t => t.Key).ToDictionary(t => t.Key, t => t.Last().Value ?? ""),
        };
        return SecurityGroupFactBuilder.Build(fact, [.. rules.Where(r => r.GroupId == group.GroupId).Select(ToPermission)]);
    }

    /// <summary>One rule as an element (rule id kept, so a revoke can name it).</summary>
    public static PermissionFact ToPermission(SecurityGroupRule rule)
    {
        var (kind, source) =
            !string.IsNullOrEmpty(rule.CidrIpv4) ? (SourceKind.Ipv4Cidr, rule.CidrIpv4)
            : !string.IsNullOrEmpty(rule.CidrIpv6) ? (SourceKind.Ipv6Cidr, rule.CidrIpv6)
            : !string.IsNullOrEmpty(rule.PrefixListId) ? (SourceKind.PrefixList, rule.PrefixListId)
            : (SourceKind.SecurityGroup, rule.ReferencedGroupInfo?.GroupId ?? "");
        var protocol = IpProtocol.Normalize(rule.IpProtocol);
        return new PermissionFact
        {
            Direction = rule.IsEgress == true ? TrafficDirection.Egress : TrafficDirection.Ingress,
            Protocol = protocol,
            FromPort = protocol == IpProtocol.All ? -1 : rule.FromPort ?? -1,
            ToPort = protocol == IpProtocol.All ? -1 : rule.ToPort ?? -1,
            SourceKind = kind,
            Source = source,
            RuleId = rule.SecurityGroupRuleId,
            Description = rule.Description ?? "",
        };
    }
}
