using System.Text.Json;
using Amazon.EC2.Model;
using static OpsBot.Cli.Local.Cases.CaseJson;

namespace OpsBot.Cli.Local.Cases;

/// <summary>Reads security-group permissions and rules in the shapes the AWS CLI and CloudTrail print them.</summary>
public static class SecurityGroupPermissionJson
{
    /// <summary>An <c>IpPermissions</c> item of describe-security-groups as the SDK's permission, with referenced group ids mapped through <paramref name="ids"/>.</summary>
    public static IpPermission Read(JsonElement permission, IReadOnlyDictionary<string, string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return new IpPermission
        {
            IpProtocol = Text(permission, "IpProtocol") ?? "-1",
            FromPort = Number(permission, "FromPort"),
            ToPort = Number(permission, "ToPort"),
            Ipv4Ranges = [.. Items(permission, "IpRanges").Select(r => new IpRange { CidrIp = Text(r, "CidrIp"), Description = Text(r, "Description") })],
            Ipv6Ranges = [.. Items(permission, "Ipv6Ranges").Select(r => new Ipv6Range { CidrIpv6 = Text(r, "CidrIpv6"), Description = Text(r, "Description") })],
            PrefixListIds = [.. Items(permission, "PrefixListIds").Select(r => new PrefixListId { Id = Text(r, "PrefixListId"), Description = Text(r, "Description") })],
            UserIdGroupPairs = [.. Items(permission, "UserIdGroupPairs").Select(p => new UserIdGroupPair { GroupId = Map(ids, Text(p, "GroupId")), Description = Text(p, "Description") })],
        };
    }

    /// <summary>Every rule with an id in <paramref name="json"/>: objects carrying <c>securityGroupRuleId</c> (CloudTrail) or <c>SecurityGroupRuleId</c> (AWS CLI), at any depth.</summary>
    public static IReadOnlyList<NamedRule> NamedRules(string json)
    {
        using var document = JsonDocument.Parse(json);
        var found = new List<NamedRule>();
        Collect(document.RootElement, found);
        return found;
    }

    /// <summary>True when the emulator's <paramref name="rule"/> is <paramref name="named"/>, its group mapped through <paramref name="ids"/>.</summary>
    public static bool SameRule(NamedRule named, SecurityGroupRule rule, IReadOnlyDictionary<string, string> ids)
    {
        ArgumentNullException.ThrowIfNull(named);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(ids);
        var source = rule.CidrIpv4 ?? rule.CidrIpv6 ?? rule.PrefixListId ?? rule.ReferencedGroupInfo?.GroupId;
        return Map(ids, named.GroupId) == rule.GroupId && named.IsEgress == (rule.IsEgress == true)
            && string.Equals(named.Protocol, rule.IpProtocol, StringComparison.OrdinalIgnoreCase)
            && (named.FromPort ?? -1) == (rule.FromPort ?? -1) && (named.ToPort ?? -1) == (rule.ToPort ?? -1)
            && Map(ids, named.Source) == source;
    }

    private static void Collect(JsonElement element, List<NamedRule> found)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, found);
            }
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if ((Text(element, "securityGroupRuleId") ?? Text(element, "SecurityGroupRuleId")) is { } id)
        {
            var referenced = element.TryGetProperty("ReferencedGroupInfo", out var r) || element.TryGetProperty("referencedGroupInfo", out r) ? Text(r, "GroupId") ?? Text(r, "groupId") : null;
            found.Add(new NamedRule(
                id,
                Text(element, "GroupId") ?? Text(element, "groupId"),
                (element.TryGetProperty("IsEgress", out var e) || element.TryGetProperty("isEgress", out e)) && e.ValueKind == JsonValueKind.True,
                Text(element, "IpProtocol") ?? Text(element, "ipProtocol"),
                Number(element, "FromPort") ?? Number(element, "fromPort"),
                Number(element, "ToPort") ?? Number(element, "toPort"),
                Text(element, "CidrIpv4") ?? Text(element, "cidrIpv4") ?? Text(element, "CidrIpv6") ?? Text(element, "cidrIpv6") ?? Text(element, "PrefixListId") ?? Text(element, "prefixListId") ?? referenced));
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            Collect(property.Value, found);
        }
    }

    private static string? Map(IReadOnlyDictionary<string, string> ids, string? value) => value is not null && ids.TryGetValue(value, out var mapped) ? mapped : value;
}
