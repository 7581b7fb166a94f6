using System.Text.Json;
using OpsBot.Rules.Events;
using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Resources.S3Bucket;

/// <summary>
/// A bucket as one S3 call asked for it: the ACL of <c>PutBucketAcl</c> (its <c>AccessControlPolicy</c>,
/// or a canned <c>x-amz-acl</c>), the policy of <c>PutBucketPolicy</c>, or the public access block of
/// <c>PutPublicAccessBlock</c> / <c>DeleteBucketPublicAccessBlock</c>. What the call does not set is
/// taken as absent, except the ACL, which always has its owner's grant.
/// </summary>
internal static class BucketRequestedState
{
    private static readonly GrantFact OwnerGrant = new() { GranteeType = "CanonicalUser", Id = "owner", Permission = "FULL_CONTROL" };

    public static IReadOnlyList<object> Read(CloudTrailEvent cloudTrailEvent, string bucket)
    {
        var request = cloudTrailEvent.RequestParameters;
        var fact = new BucketFact { Name = bucket, Grants = [OwnerGrant] };
        switch (cloudTrailEvent.EventName)
        {
            case "PutBucketAcl":
                return [fact with { Grants = [.. Grants(request)] }];
            case "PutBucketPolicy":
                return [fact with { Statements = Statements(request) }];
            case "PutBucketPublicAccessBlock":
                var block = CloudTrailJson.Object(request, "PublicAccessBlockConfiguration");
                return [fact with
                {
                    HasPublicAccessBlock = block is not null,
                    BlockPublicAcls = Flag(block, "BlockPublicAcls"),
                    IgnorePublicAcls = Flag(block, "IgnorePublicAcls"),
                    BlockPublicPolicy = Flag(block, "BlockPublicPolicy"),
                    RestrictPublicBuckets = Flag(block, "RestrictPublicBuckets"),
                }];
            default:
                return [fact];
        }
    }

    private static IEnumerable<GrantFact> Grants(JsonElement request)
    {
        var canned = CloudTrailJson.Items(request, "x-amz-acl").Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : null).FirstOrDefault() ?? CloudTrailJson.String(request, "x-amz-acl");
        yield return OwnerGrant;
        if (canned is "public-read" or "public-read-write")
        {
            yield return new GrantFact { GranteeType = "Group", Uri = GrantFact.AllUsersUri, Permission = "READ" };
        }

        if (canned is "public-read-write")
        {
            yield return new GrantFact { GranteeType = "Group", Uri = GrantFact.AllUsersUri, Permission = "WRITE" };
        }

        if (canned is "authenticated-read")
        {
            yield return new GrantFact { GranteeType = "Group", Uri = GrantFact.AuthenticatedUsersUri, Permission = "READ" };
        }

        var list = CloudTrailJson.Object(request, "AccessControlPolicy") is { } policy ? CloudTrailJson.Object(policy, "AccessControlList") : null;
        foreach (var grant in list is { } l ? CloudTrailJson.Items(l, "Grant") : [])
        {
            var grantee = CloudTrailJson.Object(grant, "Grantee");
            var type = grantee is { } g ? CloudTrailJson.String(g, "xsi:type") ?? "" : "";
            var fact = new GrantFact
            {
                GranteeType = type,
                Uri = grantee is { } u ? CloudTrailJson.String(u, "URI") ?? "" : "",
                Id = grantee is { } i ? CloudTrailJson.String(i, "ID") ?? "" : "",
                EmailAddress = grantee is { } e ? CloudTrailJson.String(e, "EmailAddress") ?? "" : "",
                Permission = CloudTrailJson.String(grant, "Permission") ?? "",
            };
            if (fact.GranteeType != "CanonicalUser" || fact.Permission != "FULL_CONTROL")
            {
                yield return fact;
            }
        }
    }

    private static IReadOnlyList<PolicyStatementFact> Statements(JsonElement request)
    {
        if (!request.TryGetProperty("bucketPolicy", out var policy))
        {
            return [];
        }

        var text = policy.ValueKind == JsonValueKind.String ? policy.GetString() ?? "" : policy.GetRawText();
        try
        {
            return text.Length == 0 ? [] : BucketPolicyReader.Read(text);
        }
        catch (StateFormatException ex)
        {
            throw new MalformedEventException($"PutBucketPolicy: the requested policy cannot be read: {ex.Message}");
        }
    }

    private static bool Flag(JsonElement? block, string name) =>
        block is { } b && b.TryGetProperty(name, out var value) && (value.ValueKind == JsonValueKind.True || (value.ValueKind == JsonValueKind.String && value.GetString() == "true"));
}
