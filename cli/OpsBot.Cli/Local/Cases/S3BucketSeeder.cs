using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using OpsBot.Rules.Resources.S3Bucket;
using static OpsBot.Cli.Local.Cases.CaseJson;

namespace OpsBot.Cli.Local.Cases;

/// <summary>
/// Creates the buckets of a bucket state document (one object per bucket: <c>Bucket</c> plus
/// get-bucket-acl, get-public-access-block, get-bucket-policy and get-bucket-tagging output): each
/// under its name with the case's suffix (bucket names are global), with the document's ACL (the
/// document's owner id standing for the emulator's), public access block, policy and tags.
/// </summary>
public sealed class S3BucketSeeder : ICaseSeeder
{
    /// <inheritdoc />
    public string ResourceType => S3BucketResourceType.TypeName;

    /// <inheritdoc />
    public async Task<CaseSeed> SeedAsync(CaseSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var document = JsonDocument.Parse(context.StateDocument);
        var buckets = Objects(document.RootElement);
        using var s3 = context.Topology.Runtime.Clients.CreateS3(context.Topology.MemberCredentials, context.Topology.Region);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var bucket in buckets)
        {
            var name = Text(bucket, "Bucket") ?? "bucket";
            var created = $"{name}-{context.Suffix}";
            if (created.Length > 63)
            {
                return CaseSeed.Skip($"bucket name {name} is too long to make unique for the case");
            }

            ids[name] = created;
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = created }, cancellationToken);
            var owner = (await s3.GetBucketAclAsync(new GetBucketAclRequest { BucketName = created }, cancellationToken)).Owner;
            if (bucket.TryGetProperty("Owner", out var documentOwner) && Text(documentOwner, "ID") is { } documentOwnerId)
            {
                ids[documentOwnerId] = owner.Id;
            }

            await PutAclAsync(s3, created, bucket, ids, cancellationToken);
            await PutBlockAsync(s3, created, bucket, cancellationToken);
            if (Text(bucket, "Policy") is { } policy)
            {
                await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = created, Policy = policy.Replace(name, created, StringComparison.Ordinal) }, cancellationToken);
            }

            var tags = Items(bucket, "TagSet").Select(t => new Tag { Key = Text(t, "Key"), Value = Text(t, "Value") ?? "" }).ToList();
            if (tags.Count > 0)
            {
                await s3.PutBucketTaggingAsync(new PutBucketTaggingRequest { BucketName = created, TagSet = tags }, cancellationToken);
            }
        }

        return CaseSeed.Created(ids);
    }

    // Grant headers, one per permission, as OpsBot's own ACL writes go (some endpoints cannot read
    // the SDK's XML body).
    private static async Task PutAclAsync(IAmazonS3 s3, string bucket, JsonElement document, Dictionary<string, string> ids, CancellationToken cancellationToken)
    {
        var byPermission = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var grant in Items(document, "Grants"))
        {
            var grantee = grant.GetProperty("Grantee");
            var id = Text(grantee, "ID") is { } given && ids.TryGetValue(given, out var mapped) ? mapped : Text(grantee, "ID");
            var header = Text(grantee, "URI") is { } uri ? $"uri=\"{uri}\"" : Text(grantee, "EmailAddress") is { } email ? $"emailAddress=\"{email}\"" : $"id=\"{id}\"";
            var permission = Text(grant, "Permission") ?? "READ";
            (byPermission.TryGetValue(permission, out var list) ? list : byPermission[permission] = []).Add(header);
        }

        if (byPermission.Count == 0)
        {
            return;
        }

        string? Header(string permission) => byPermission.TryGetValue(permission, out var list) ? string.Join(", ", list) : null;
        await s3.PutBucketAclAsync(new PutBucketAclRequest
        {
            BucketName = bucket,
            GrantFullControl = Header("FULL_CONTROL"),
            GrantRead = Header("READ"),
            GrantWrite = Header("WRITE"),
            GrantReadACP = Header("READ_ACP"),
            GrantWriteACP = Header("WRITE_ACP"),
        }, cancellationToken);
    }

    private static async Task PutBlockAsync(IAmazonS3 s3, string bucket, JsonElement document, CancellationToken cancellationToken)
    {
        if (!document.TryGetProperty("PublicAccessBlockConfiguration", out var block) || block.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        await s3.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest
        {
            BucketName = bucket,
            PublicAccessBlockConfiguration = new PublicAccessBlockConfiguration
            {
                BlockPublicAcls = Flag(block, "BlockPublicAcls"),
                IgnorePublicAcls = Flag(block, "IgnorePublicAcls"),
                BlockPublicPolicy = Flag(block, "BlockPublicPolicy"),
                RestrictPublicBuckets = Flag(block, "RestrictPublicBuckets"),
            },
        }, cancellationToken);
    }

    private static bool Flag(JsonElement element, string name) => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
