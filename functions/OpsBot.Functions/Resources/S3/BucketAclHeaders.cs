using Amazon.S3;
using Amazon.S3.Model;
using OpsBot.Rules.Resources.S3Bucket;

namespace OpsBot.Functions.Resources.S3;

/// <summary>
/// A whole bucket ACL as a PutBucketAcl request with one <c>x-amz-grant-*</c> header per permission
/// (<c>id="…"</c>, <c>uri="…"</c>, <c>emailAddress="…"</c>), which replaces the ACL just as an
/// <c>AccessControlPolicy</c> body does; the owner stays the owner. Headers rather than the XML body,
/// which some S3-compatible endpoints cannot read as the SDK writes it.
/// </summary>
internal static class BucketAclHeaders
{
    public static PutBucketAclRequest Request(string bucket, IEnumerable<GrantFact> grants)
    {
        var byPermission = grants.GroupBy(g => g.Permission, StringComparer.Ordinal).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(Grantee)), StringComparer.Ordinal);
        var request = new PutBucketAclRequest { BucketName = bucket };
        if (byPermission.Count == 0)
        {
            // An ACL cannot be empty: the owner keeps full control, as S3 gives a new bucket.
            request.ACL = S3CannedACL.Private;
            return request;
        }

        request.GrantFullControl = byPermission.GetValueOrDefault("FULL_CONTROL");
        request.GrantRead = byPermission.GetValueOrDefault("READ");
        request.GrantWrite = byPermission.GetValueOrDefault("WRITE");
        request.GrantReadACP = byPermission.GetValueOrDefault("READ_ACP");
        request.GrantWriteACP = byPermission.GetValueOrDefault("WRITE_ACP");
        return request;
    }

    private static string Grantee(GrantFact grant) =>
        grant.Uri.Length > 0 ? $"uri=\"{grant.Uri}\""
        : grant.Id.Length > 0 ? $"id=\"{grant.Id}\""
        : $"emailAddress=\"{grant.EmailAddress}\"";
}
