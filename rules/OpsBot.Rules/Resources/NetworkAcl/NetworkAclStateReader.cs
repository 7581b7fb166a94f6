using System.Globalization;
using System.Text.Json;
using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Resources.NetworkAcl;

/// <summary>
/// Reads network ACLs from what <c>aws ec2 describe-network-acls</c> prints:
/// <c>{"NetworkAcls": [{"NetworkAclId", "VpcId", "IsDefault", "Entries": [{"RuleNumber", "Egress",
/// "Protocol", "PortRange": {"From", "To"}, "IcmpTypeCode": {"Type", "Code"}, "CidrBlock" |
/// "Ipv6CidrBlock", "RuleAction"}], "Tags": [{"Key", "Value"}]}]}</c>. A single ACL object is accepted too.
/// </summary>
public static class NetworkAclStateReader
{
    /// <summary>Where the document comes from, in words.</summary>
    public const string Source = "aws ec2 describe-network-acls";

    /// <summary>Every ACL of the document, its entries' effect computed.</summary>
    /// <exception cref="StateFormatException">The document is not in this shape.</exception>
    public static IReadOnlyList<NetworkAclFact> Read(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(document);
        }
        catch (JsonException ex)
        {
            throw new StateFormatException($"expected the output of {Source}; it is not JSON: {ex.Message}");
        }

        using (parsed)
        {
            var root = parsed.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("NetworkAcls", out var acls) && acls.ValueKind == JsonValueKind.Array)
            {
                return [.. acls.EnumerateArray().Select(ReadAcl)];
            }

            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("NetworkAclId", out _))
            {
                return [ReadAcl(root)];
            }

            throw new StateFormatException($"expected the output of {Source}: an object with a \"NetworkAcls\" list");
        }
    }

    private static NetworkAclFact ReadAcl(JsonElement acl)
    {
        if (acl.ValueKind != JsonValueKind.Object || String(acl, "NetworkAclId") is not { Length: > 0 } id)
        {
            throw new StateFormatException("every network ACL in the state document must be an object with a \"NetworkAclId\"");
        }

        var entries = acl.TryGetProperty("Entries", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => ReadEntry(id, e)).ToList()
            : [];
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (acl.TryGetProperty("Tags", out var tagList) && tagList.ValueKind == JsonValueKind.Array)
        {
            foreach (var tag in tagList.EnumerateArray())
            {
                if (String(tag, "Key") is { } key)
                {
                    tags[key] = String(tag, "Value") ?? "";
                }
            }
        }

        var fact = new NetworkAclFact
        {
            Id = id,
            VpcId = String(acl, "VpcId") ?? "",
            IsDefault = acl.TryGetProperty("IsDefault", out var isDefault) && isDefault.ValueKind == JsonValueKind.True,
            Tags = tags,
        };
        return NetworkAclFactBuilder.Build(fact, entries);
    }

    private static NetworkAclEntryFact ReadEntry(string acl, JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object || Int(entry, "RuleNumber") is not { } number)
        {
            throw new StateFormatException($"network ACL {acl}: every entry must be an object with a \"RuleNumber\"");
        }

        var cidr = String(entry, "CidrBlock") ?? String(entry, "Ipv6CidrBlock");
        if (cidr is null || !CidrMath.IsValid(cidr))
        {
            throw new StateFormatException($"network ACL {acl}: entry {number} has no valid \"CidrBlock\" or \"Ipv6CidrBlock\"");
        }

        var ports = entry.TryGetProperty("PortRange", out var range) && range.ValueKind == JsonValueKind.Object ? range : (JsonElement?)null;
        var icmp = entry.TryGetProperty("IcmpTypeCode", out var typeCode) && typeCode.ValueKind == JsonValueKind.Object ? typeCode : (JsonElement?)null;
        return new NetworkAclEntryFact
        {
            RuleNumber = number,
            Egress = entry.TryGetProperty("Egress", out var egress) && egress.ValueKind == JsonValueKind.True,
            Protocol = IpProtocol.Normalize(String(entry, "Protocol")),
            FromPort = ports is { } p ? Int(p, "From") ?? 0 : 0,
            ToPort = ports is { } q ? Int(q, "To") ?? 65535 : 65535,
            IcmpType = icmp is { } t ? Int(t, "Type") ?? -1 : -1,
            IcmpCode = icmp is { } c ? Int(c, "Code") ?? -1 : -1,
            Cidr = cidr,
            RuleAction = (String(entry, "RuleAction") ?? "").ToLowerInvariant(),
        };
    }

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static int? Int(JsonElement element, string property) =>
        String(element, property) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;
}
