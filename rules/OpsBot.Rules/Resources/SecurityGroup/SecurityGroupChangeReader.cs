using System.Text.Json;
using OpsBot.Rules.Events;
using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Resources;

/// <summary>
/// Reads what a security-group call asked for, in every spelling CloudTrail uses: nested
/// <c>ipPermissions</c>, the legacy flat form (<c>cidrIp</c>, <c>fromPort</c>…), and
/// <c>ModifySecurityGroupRules</c>. Informational only: decisions are made on live state.
/// </summary>
public static class SecurityGroupChangeReader
{
    /// <summary>The permission elements the call requested, with rule ids where the response lists them.</summary>
    public static IReadOnlyList<PermissionFact> Read(CloudTrailEvent cloudTrailEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudTrailEvent);
        var request = cloudTrailEvent.RequestParameters;
        var direction = cloudTrailEvent.EventName.Contains("Egress", StringComparison.Ordinal) ? TrafficDirection.Egress : TrafficDirection.Ingress;
        var elements = new List<PermissionFact>();
        if (cloudTrailEvent.EventName == "ModifySecurityGroupRules")
        {
            ReadModify(request, elements);
            return elements;
        }

        foreach (var permission in CloudTrailJson.Items(request, "ipPermissions"))
        {
            ReadPermission(permission, direction, elements);
        }

        if (CloudTrailJson.String(request, "cidrIp") is { Length: > 0 } flatCidr)
        {
            elements.Add(Element(direction, request, "ipProtocol", "fromPort", "toPort", SourceKind.Ipv4Cidr, flatCidr, ""));
        }

        return WithCreatedRuleIds(elements, cloudTrailEvent.ResponseElements);
    }

    private static void ReadPermission(JsonElement permission, TrafficDirection direction, List<PermissionFact> into)
    {
        foreach (var range in CloudTrailJson.Items(permission, "ipRanges"))
        {
            into.Add(Element(direction, permission, "ipProtocol", "fromPort", "toPort", SourceKind.Ipv4Cidr, CloudTrailJson.String(range, "cidrIp") ?? "", CloudTrailJson.String(range, "description")));
        }

        foreach (var range in CloudTrailJson.Items(permission, "ipv6Ranges"))
        {
            into.Add(Element(direction, permission, "ipProtocol", "fromPort", "toPort", SourceKind.Ipv6Cidr, CloudTrailJson.String(range, "cidrIpv6") ?? "", CloudTrailJson.String(range, "description")));
        }

        foreach (var list in CloudTrailJson.Items(permission, "prefixListIds"))
        {
            into.Add(Element(direction, permission, "ipProtocol", "fromPort", "toPort", SourceKind.PrefixList, CloudTrailJson.String(list, "prefixListId") ?? "", CloudTrailJson.String(list, "description")));
        }

        foreach (var group in CloudTrailJson.Items(permission, "groups"))
        {
            into.Add(Element(direction, permission, "ipProtocol", "fromPort", "toPort", SourceKind.SecurityGroup, CloudTrailJson.String(group, "groupId") ?? CloudTrailJson.String(group, "groupName") ?? "", CloudTrailJson.String(group, "description")));
        }
    }

    private static void ReadModify(JsonElement request, List<PermissionFact> into)
    {
        var modify = CloudTrailJson.Object(request, "ModifySecurityGroupRulesRequest") ?? request;
        foreach (var update in CloudTrailJson.Items(modify, "SecurityGroupRule"))
        {
            var rule = CloudTrailJson.Object(update, "SecurityGroupRule") ?? update;
            var (kind, source) =
                CloudTrailJson.String(rule, "CidrIpv4") is { Length: > 0 } v4 ? (SourceKind.Ipv4Cidr, v4)
                : CloudTrailJson.String(rule, "CidrIpv6") is { Length: > 0 } v6 ? (SourceKind.Ipv6Cidr, v6)
                : CloudTrailJson.String(rule, "PrefixListId") is { Length: > 0 } pl ? (SourceKind.PrefixList, pl)
                : (SourceKind.SecurityGroup, CloudTrailJson.String(rule, "ReferencedGroupId") ?? "");
            into.Add(Element(TrafficDirection.Ingress, rule, "IpProtocol", "FromPort", "ToPort", kind, source, CloudTrailJson.String(rule, "Description")) with
            {
                RuleId = CloudTrailJson.String(update, "SecurityGroupRuleId"),
            });
        }
    }

    private static PermissionFact Element(TrafficDirection direction, JsonElement permission, string protocol, string from, string to, SourceKind kind, string source, string? description) => new()
    {
        Direction = direction,
        Protocol = IpProtocol.Normalize(CloudTrailJson.String(permission, protocol)),
        FromPort = CloudTrailJson.Int(permission, from) ?? -1,
        ToPort = CloudTrailJson.Int(permission, to) ?? -1,
        SourceKind = kind,
        Source = source,
        Description = description ?? "",
    };

    private static List<PermissionFact> WithCreatedRuleIds(List<PermissionFact> elements, JsonElement response)
    {
        var created = CloudTrailJson.Items(response, "securityGroupRuleSet").ToList();
        if (created.Count == 0)
        {
            return elements;
        }

        return [.. elements.Select(e => created.FirstOrDefault(r => Same(e, r)) is { ValueKind: JsonValueKind.Object } r
            ? e with { RuleId = CloudTrailJson.String(r, "securityGroupRuleId") }
            : e)];
    }

    private static bool Same(PermissionFact e, JsonElement rule) =>
        IpProtocol.Normalize(CloudTrailJson.String(rule, "ipProtocol")) == e.Protocol &&
        (CloudTrailJson.Int(rule, "fromPort") ?? -1) == e.FromPort &&
        (CloudTrailJson.Int(rule, "toPort") ?? -1) == e.ToPort &&
        (CloudTrailJson.String(rule, "cidrIpv4") ?? CloudTrailJson.String(rule, "cidrIpv6") ?? CloudTrailJson.String(rule, "prefixListId")) == e.Source;
}
