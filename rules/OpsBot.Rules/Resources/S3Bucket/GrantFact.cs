namespace OpsBot.Rules.Resources.S3Bucket;

/// <summary>One grant of a bucket ACL, as <c>aws s3api get-bucket-acl</c> prints it.</summary>
public sealed record GrantFact
{
    /// <summary>The group URI that means everyone, anonymous requests included.</summary>
    public const string AllUsersUri = "http://acs.amazonaws.com/groups/global/AllUsers";

    /// <summary>The group URI that means any AWS account, not only the owner's.</summary>
    public const string AuthenticatedUsersUri = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

    /// <summary>The grantee type: <c>CanonicalUser</c>, <c>Group</c> or <c>AmazonCustomerByEmail</c>.</summary>
    public required string GranteeType { get; init; }

    /// <summary>The group URI of a <c>Group</c> grantee, or an empty string.</summary>
    public string Uri { get; init; } = "";

    /// <summary>The canonical user id of a <c>CanonicalUser</c> grantee, or an empty string.</summary>
    public string Id { get; init; } = "";

    /// <summary>The e-mail address of an <c>AmazonCustomerByEmail</c> grantee, or an empty string.</summary>
    public string EmailAddress { get; init; } = "";

    /// <summary>The permission: <c>READ</c>, <c>WRITE</c>, <c>READ_ACP</c>, <c>WRITE_ACP</c> or <c>FULL_CONTROL</c>.</summary>
    public required string Permission { get; init; }

    /// <summary>True for a grant to AllUsers or AuthenticatedUsers, the two groups S3 counts as public.</summary>
    public bool IsPublic => GranteeType == "Group" && Uri is AllUsersUri or AuthenticatedUsersUri;

    /// <summary>Who is granted, in words: the group's last path segment, the user id, or the e-mail address.</summary>
    public string Grantee => Uri.Length > 0 ? Uri[(Uri.LastIndexOf('/') + 1)..] : Id.Length > 0 ? Id : EmailAddress;

    /// <summary>"PERMISSION to grantee", e.g. "READ to AllUsers".</summary>
    public override string ToString() => $"{Permission} to {Grantee}";
}
