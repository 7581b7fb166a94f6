using System.Text.Json;

namespace OpsBot.Rules.Facts;

/// <summary>
/// Reads security groups from the JSON that <c>aws ec2 describe-security-groups</c> prints and,
/// optionally, rule ids from what <c>aws ec2 describe-security-group-rules</c> prints.
/// </summary>
public static class SecurityGroupStateReader
{
    /// <summary>Parses every group of a describe-security-groups document.</summary>
    /// <exception cref="StateFormatException">The document is not describe-security-groups output.</exception>
    public static IReadOnlyList<SecurityGroupFact> Read(string groupsJson, string? rulesJson = null)
    {
        using var groups = Parse(groupsJson, "describe-security-groups");
        if (!groups.RootElement.TryGetProperty("SecurityGroups", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new StateFormatException("expected describe-security-groups output: an object with a \"SecurityGroups\" array");
        }

        var ruleIds = rulesJson is null ? null : ReadRuleIds(rulesJson);
        return [.. list.EnumerateArray().Select(g => ReadGroup(g, ruleIds))];
    }

    private static SecurityGroupFact ReadGroup(JsonElement g, Dictionary<string, string>? ruleIds)
    {
        var groupId = Text(g, "GroupId");
        if (groupId.Length == 0)
        {
            throw new StateFormatException("a security group has no \"GroupId\"");
        }

        var elements = new List<PermissionFact>();
        AddPermissions(g, "IpPermissions", TrafficDirection.Ingress, elements);
        AddPermissions(g, "IpPermissionsEgress", TrafficDirection.Egress, elements);
        if (ruleIds is not null)
        {
            elements = [.. elements.Select(e => ruleIds.TryGetValue(Key(groupId, e), out var id) ? e with { RuleId = id } : e)];
        }

        var group = new SecurityGroupFact
        {
            GroupId = groupId,
            GroupName = Text(g, "GroupName"),
            VpcId = Text(g, "VpcId"),
            OwnerId = Text(g, "OwnerId"),
            Description = Text(g, "Description"),
            Tags = ReadTags(g),
        };
        return SecurityGroupFactBuilder.Build(group, elements);
    }

    private static void AddPermissions(JsonElement group, string property, TrafficDirection direction, List<PermissionFact> into)
    {
        foreach (var p in Array(group, property))
        {
            var protocol = IpProtocol.Normalize(Text(p, "IpProtocol"));
            var from = Int(p, "FromPort");
            var to = Int(p, "ToPort");
            PermissionFact Element(SourceKind kind, string source, JsonElement peer) => new()
            {
                Direction = direction,
                Protocol = protocol,
                FromPort = from,
                ToPort = to,
                SourceKind = kind,
                Source = source,
                Description = Text(peer, "Description"),
            };

            into.AddRange(Array(p, "IpRanges").Select(r => Element(SourceKind.Ipv4Cidr, Text(r, "CidrIp"), r)));
            into.AddRange(Array(p, "Ipv6Ranges").Select(r => Element(SourceKind.Ipv6Cidr, Text(r, "CidrIpv6"), r)));
            into.AddRange(Array(p, "PrefixListIds").Select(r => Element(SourceKind.PrefixList, Text(r, "PrefixListId"), r)));
            into.AddRange(Array(p, "UserIdGroupPairs").Select(r => Element(SourceKind.SecurityGroup, Text(r, "GroupId"), r)));
        }
    }

    private static Dictionary<string, string> ReadRuleIds(string rulesJson)
    {
        using var rules = Parse(rulesJson, "describe-security-group-rules");
        if (!rules.RootElement.TryGetProperty("SecurityGroupRules", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new StateFormatException("expected describe-security-group-rules output: an object with a \"SecurityGroupRules\" array");
        }

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in list.EnumerateArray())
        {
            var (kind, source) = RuleSource(r);
            var element = new PermissionFact
            {
                Direction = r.TryGetProperty("IsEgress", out var egress) && egress.ValueKind == JsonValueKind.True ? TrafficDirection.Egress : TrafficDirection.Ingress,
                Protocol = IpProtocol.Normalize(Text(r, "IpProtocol")),
                FromPort = Int(r, "FromPort"),
                ToPort = Int(r, "ToPort"),
                SourceKind = kind,
                Source = source,
            };
            ids[Key(Text(r, "GroupId"), element)] = Text(r, "SecurityGroupRuleId");
        }

        return ids;
    }

    private static (SourceKind Kind, string Source) RuleSource(JsonElement rule)
    {
        if (Text(rule, "CidrIpv4") is { Length: > 0 } v4)
        {
            return (SourceKind.Ipv4Cidr, v4);
        }

        if (Text(rule, "CidrIpv6") is { Length: > 0 } v6)
        {
            return (SourceKind.Ipv6Cidr, v6);
        }

        if (Text(rule, "PrefixListId") is { Length: > 0 } pl)
        {
            return (SourceKind.PrefixList, pl);
        }

        return rule.TryGetProperty("ReferencedGroupInfo", out var referenced)
            ? (SourceKind.SecurityGroup, Text(referenced, "GroupId"))
            : throw new StateFormatException($"security group rule {Text(rule, "SecurityGroupRuleId")} has no peer");
    }

    /// <summary>The identity of an element within its group, used to join rule ids onto permissions.</summary>
    internal static string Key(string groupId, PermissionFact e) =>
        $"{groupId}|{e.Direction}|{e.Protocol}|{(e.IsAllTraffic ? -1 : e.FromPort)}|{(e.IsAllTraffic ? -1 : e.ToPort)}|{e.SourceKind}|{e.Source}";

    private static Dictionary<string, string> ReadTags(JsonElement group)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in Array(group, "Tags"))
        {
            tags[Text(tag, "Key")] = Text(tag, "Value");
        }

        return tags;
    }

    private static JsonDocument Parse(string json, string what)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new StateFormatException($"{what} output is not valid JSON: {ex.Message}");
        }
    }

    private static IEnumerable<JsonElement> Array(JsonElement e, string property) =>
        e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];

    private static string Text(JsonElement e, string property) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static int Int(JsonElement e, string property) =>
        e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32()
        : e.TryGetProperty(property, out value) && value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), out var parsed) ? parsed
        : -1;
}
