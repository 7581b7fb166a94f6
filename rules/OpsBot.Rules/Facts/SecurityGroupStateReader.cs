using System.Text;
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
        ArgumentNullException.ThrowIfNull(groupsJson);
        return ReadUtf8(Encoding.UTF8.GetBytes(groupsJson), rulesJson is null ? (ReadOnlyMemory<byte>?)null : Encoding.UTF8.GetBytes(rulesJson));
    }

    /// <summary>
    /// Parses every group of a describe-security-groups document given as UTF-8 (a leading byte
    /// order mark is skipped), with rule ids from <paramref name="rulesUtf8"/> when given.
    /// </summary>
    /// <exception cref="StateFormatException">The document is not describe-security-groups output.</exception>
    public static IReadOnlyList<SecurityGroupFact> ReadUtf8(ReadOnlyMemory<byte> groupsUtf8, ReadOnlyMemory<byte>? rulesUtf8 = null)
    {
        var inventory = Open(groupsUtf8, rulesUtf8);
        var facts = new SecurityGroupFact[inventory.Count];
        ParallelSlices.Run(facts.Length, i => facts[i] = inventory.ReadFact(i));
        return facts;
    }

    /// <summary>
    /// The groups of a describe-security-groups document given as UTF-8, each read only when asked
    /// for (see <see cref="Resources.IResourceInventory"/>). The syntax and shape of the document,
    /// and the whole of <paramref name="rulesUtf8"/>, are checked here; a group that cannot be read
    /// fails when it is read.
    /// </summary>
    /// <exception cref="StateFormatException">The document is not describe-security-groups output.</exception>
    internal static SecurityGroupInventory Open(ReadOnlyMemory<byte> groupsUtf8, ReadOnlyMemory<byte>? rulesUtf8 = null)
    {
        var json = groupsUtf8.Span.StartsWith("\uFEFF"u8) ? groupsUtf8[3..] : groupsUtf8;
        var groups = GroupSpans(groupsUtf8, json);
        return new SecurityGroupInventory(json, groups, rulesUtf8 is { } rules ? ReadRuleIds(rules) : null);
    }

    // A document that is both malformed and of the wrong shape is reported as malformed, whichever
    // problem the reading met first.
    private static List<Range> GroupSpans(ReadOnlyMemory<byte> utf8, ReadOnlyMemory<byte> json)
    {
        try
        {
            return SecurityGroupDocumentReader.GroupSpans(json.Span);
        }
        catch (JsonException ex)
        {
            throw NotJson("describe-security-groups", ex);
        }
        catch (StateFormatException)
        {
            Parse(utf8, "describe-security-groups").Dispose();
            throw;
        }
    }

    private static Dictionary<string, string> ReadRuleIds(ReadOnlyMemory<byte> rulesJson)
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

    private static JsonDocument Parse(ReadOnlyMemory<byte> json, string what)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw NotJson(what, ex);
        }
    }

    private static StateFormatException NotJson(string what, JsonException ex) => new($"{what} output is not valid JSON: {ex.Message}");

    private static string Text(JsonElement e, string property) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static int Int(JsonElement e, string property) =>
        e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32()
        : e.TryGetProperty(property, out value) && value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), out var parsed) ? parsed
        : -1;
}
