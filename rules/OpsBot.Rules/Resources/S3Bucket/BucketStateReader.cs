using System.Text.Json;
using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Resources.S3Bucket;

/// <summary>
/// Reads buckets from their offline state document: one JSON object per bucket holding its name
/// and, merged side by side, what four AWS CLI calls print for it (a list of such objects for
/// several buckets):
/// <code>
/// {
///   "Bucket": "name",
///   "Owner": {...}, "Grants": [...],              // aws s3api get-bucket-acl
///   "PublicAccessBlockConfiguration": {...},      // aws s3api get-public-access-block
///   "Policy": "{\"Version\":...}",                // aws s3api get-bucket-policy (a JSON string)
///   "TagSet": [{"Key": "...", "Value": "..."}]    // aws s3api get-bucket-tagging
/// }
/// </code>
/// A missing part means the call found nothing: no <c>PublicAccessBlockConfiguration</c> is
/// NoSuchPublicAccessBlockConfiguration, no <c>Policy</c> is NoSuchBucketPolicy, no <c>TagSet</c> is NoSuchTagSet.
/// </summary>
public static class BucketStateReader
{
    /// <summary>Where the document comes from, in words.</summary>
    public const string Source = "one object per bucket: \"Bucket\" plus what aws s3api get-bucket-acl, get-public-access-block, get-bucket-policy and get-bucket-tagging print, merged";

    /// <summary>Every bucket of the document.</summary>
    /// <exception cref="StateFormatException">The document is not in this shape.</exception>
    public static IReadOnlyList<BucketFact> Read(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(document);
        }
        catch (JsonException ex)
        {
            throw new StateFormatException($"expected a bucket state document ({Source}); it is not JSON: {ex.Message}");
        }

        using (parsed)
        {
            var root = parsed.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Object => [ReadBucket(root)],
                JsonValueKind.Array => [.. root.EnumerateArray().Select(ReadBucket)],
                _ => throw new StateFormatException($"expected a bucket state document ({Source}), found a JSON {root.ValueKind}"),
            };
        }
    }

    private static BucketFact ReadBucket(JsonElement bucket)
    {
        if (bucket.ValueKind != JsonValueKind.Object || String(bucket, "Bucket") is not { Length: > 0 } name)
        {
            throw new StateFormatException("every bucket in the state document must be an object with a \"Bucket\" name");
        }

        var block = bucket.TryGetProperty("PublicAccessBlockConfiguration", out var b) && b.ValueKind != JsonValueKind.Null ? b : (JsonElement?)null;
        if (block is { ValueKind: not JsonValueKind.Object })
        {
            throw new StateFormatException($"bucket {name}: \"PublicAccessBlockConfiguration\" must be an object");
        }

        return new BucketFact
        {
            Name = name,
            HasPublicAccessBlock = block is not null,
            BlockPublicAcls = Flag(name, block, "BlockPublicAcls"),
            IgnorePublicAcls = Flag(name, block, "IgnorePublicAcls"),
            BlockPublicPolicy = Flag(name, block, "BlockPublicPolicy"),
            RestrictPublicBuckets = Flag(name, block, "RestrictPublicBuckets"),
            Grants = [.. List(name, bucket, "Grants").Select(g => ReadGrant(name, g))],
            Statements = ReadPolicy(name, bucket),
            Tags = ReadTags(name, bucket),
        };
    }

    private static GrantFact ReadGrant(string bucket, JsonElement grant)
    {
        if (!grant.TryGetProperty("Grantee", out var grantee) || grantee.ValueKind != JsonValueKind.Object ||
            String(grantee, "Type") is not { Length: > 0 } type || String(grant, "Permission") is not { Length: > 0 } permission)
        {
            throw new StateFormatException($"bucket {bucket}: every ACL grant needs a \"Grantee\" with a \"Type\", and a \"Permission\"");
        }

        return new GrantFact
        {
            GranteeType = type,
            Uri = String(grantee, "URI") ?? "",
            Id = String(grantee, "ID") ?? "",
            EmailAddress = String(grantee, "EmailAddress") ?? "",
            Permission = permission,
        };
    }

    private static IReadOnlyList<PolicyStatementFact> ReadPolicy(string bucket, JsonElement state)
    {
        if (!state.TryGetProperty("Policy", out var policy) || policy.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (policy.ValueKind != JsonValueKind.String)
        {
            throw new StateFormatException($"bucket {bucket}: \"Policy\" must be the policy document as a JSON string, as get-bucket-policy prints it");
        }

        try
        {
            return BucketPolicyReader.Read(policy.GetString()!);
        }
        catch (StateFormatException ex)
        {
            throw new StateFormatException($"bucket {bucket}: {ex.Message}");
        }
    }

    private static Dictionary<string, string> ReadTags(string bucket, JsonElement state)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in List(bucket, state, "TagSet"))
        {
            if (String(tag, "Key") is not { } key)
            {
                throw new StateFormatException($"bucket {bucket}: every tag in \"TagSet\" needs a \"Key\"");
            }

            tags[key] = String(tag, "Value") ?? "";
        }

        return tags;
    }

    private static bool Flag(string bucket, JsonElement? block, string property)
    {
        if (block is not { } b || !b.TryGetProperty(property, out var value))
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new StateFormatException($"bucket {bucket}: \"PublicAccessBlockConfiguration.{property}\" must be true or false"),
        };
    }

    private static IEnumerable<JsonElement> List(string bucket, JsonElement state, string property)
    {
        if (!state.TryGetProperty(property, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray()]
            : throw new StateFormatException($"bucket {bucket}: \"{property}\" must be a list");
    }

    private static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
