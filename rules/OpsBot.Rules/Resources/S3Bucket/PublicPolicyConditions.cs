using System.Text.Json;
using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Resources.S3Bucket;

/// <summary>
/// Decides whether a statement's <c>Condition</c> block keeps an Allow to everyone from being public,
/// after S3's documented rule: a policy is non-public when it grants access only to fixed values of
/// <c>aws:SourceArn</c>, <c>aws:SourceVpc</c>, <c>aws:SourceVpce</c>, <c>aws:SourceAccount</c>,
/// <c>aws:SourceOwner</c>, <c>aws:PrincipalOrgID</c>, <c>aws:PrincipalAccount</c>,
/// <c>aws:PrincipalArn</c>, <c>aws:userid</c>, <c>s3:DataAccessPointArn</c>,
/// <c>s3:DataAccessPointAccount</c>, or of <c>aws:SourceIp</c> set to ranges that are not public.
/// </summary>
/// <remarks>
/// A value is fixed when it has no <c>*</c> or <c>?</c> wildcard, under a positive operator
/// (<c>StringEquals</c>, <c>StringEqualsIgnoreCase</c>, <c>StringLike</c>, <c>ArnEquals</c>,
/// <c>ArnLike</c>, and <c>IpAddress</c> for source IPs, with or without a <c>ForAnyValue:</c> /
/// <c>ForAllValues:</c> prefix). An <c>...IfExists</c> operator does not restrict: a request without
/// the key passes it. Source IPs restrict when every range is a valid address or CIDR admitting less
/// than 1/256 of the public address space, the same bar OpsBot uses for "open to the internet".
/// </remarks>
public static class PublicPolicyConditions
{
    private const double PublicIpShare = 1.0 / 256;

    private static readonly HashSet<string> FixedValueKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "aws:SourceArn", "aws:SourceVpc", "aws:SourceVpce", "aws:SourceAccount", "aws:SourceOwner",
        "aws:PrincipalOrgID", "aws:PrincipalAccount", "aws:PrincipalArn", "aws:userid",
        "s3:DataAccessPointArn", "s3:DataAccessPointAccount",
    };

    private static readonly HashSet<string> FixedValueOperators = new(StringComparer.Ordinal)
    {
        "StringEquals", "StringEqualsIgnoreCase", "StringLike", "ArnEquals", "ArnLike",
    };

    /// <summary>True when some condition of <paramref name="condition"/> (a statement's <c>Condition</c> object) ties requests to fixed, non-public values.</summary>
    public static bool Restricts(JsonElement condition)
    {
        if (condition.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var op in condition.EnumerateObject())
        {
            var name = op.Name.Contains(':', StringComparison.Ordinal) ? op.Name[(op.Name.IndexOf(':', StringComparison.Ordinal) + 1)..] : op.Name;
            if (op.Value.ValueKind != JsonValueKind.Object || name.EndsWith("IfExists", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var key in op.Value.EnumerateObject())
            {
                var values = Values(key.Value);
                if (values.Count > 0 && Restricts(name, key.Name, values))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Restricts(string op, string key, List<string> values)
    {
        if (string.Equals(key, "aws:SourceIp", StringComparison.OrdinalIgnoreCase))
        {
            return op == "IpAddress" && values.All(IsNonPublicRange);
        }

        return FixedValueKeys.Contains(key) && FixedValueOperators.Contains(op) && values.All(v => v.Length > 0 && v.IndexOfAny(['*', '?']) < 0);
    }

    private static bool IsNonPublicRange(string value)
    {
        var cidr = value.Contains('/', StringComparison.Ordinal) ? value : value + (value.Contains(':', StringComparison.Ordinal) ? "/128" : "/32");
        return CidrMath.IsValid(cidr) && CidrMath.PublicShare(cidr) < PublicIpShare;
    }

    private static List<string> Values(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => [.. value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.ToString())],
        _ => [value.ToString()],
    };
}
