using OpsBot.Rules.Actions;
using OpsBot.Rules.Evaluation;

namespace OpsBot.Rules.Resources.S3Bucket;

/// <summary>
/// Removes from the bucket ACL exactly the matched grants that are public (to AllUsers or
/// AuthenticatedUsers); the owner's and every other grant stay, and the removed ones are the restorable state.
/// </summary>
public sealed class RemovePublicAclGrants : IRemediationAction
{
    /// <summary>The <c>verify</c> option's name.</summary>
    public const string VerifyOption = "verify";

    /// <inheritdoc />
    public string Name => "remove-public-acl-grants";

    /// <inheritdoc />
    public string Summary => "Remove the matched public grants (AllUsers, AuthenticatedUsers) from the bucket ACL and keep every other grant.";

    /// <inheritdoc />
    public string ResourceType => S3BucketResourceType.TypeName;

    /// <inheritdoc />
    public IReadOnlyList<string> Selections { get; } = ["grants"];

    /// <inheritdoc />
    public IReadOnlyList<string> IamPermissions { get; } = ["s3:GetBucketAcl", "s3:PutBucketAcl", "s3:GetBucketPolicy", "s3:GetBucketTagging", "s3:GetBucketPublicAccessBlock"];

    /// <inheritdoc />
    public IReadOnlyList<ActionOption> Options { get; } =
    [
        new(VerifyOption, ActionOptionType.Boolean, true, "Re-read the bucket ACL after the change and report whether it now complies."),
    ];

    /// <inheritdoc />
    public string Example => """
        id: example-s3-public-acl
        title: Bucket ACLs must not grant access to everyone
        severity: high
        resource: aws.s3.bucket
        triggers: [PutBucketAcl]
        select: grants
        when: grant.IsPublic
        unless: bucket.Tag("opsbot:exempt") == "true"
        remediation:
          action: remove-public-acl-grants
          mode: enforce
        notify: [slack, sns]
        """;

    /// <inheritdoc />
    public object CreateOptions(ActionOptionValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new BucketRemediationOptions(values.Boolean(VerifyOption));
    }

    /// <inheritdoc />
    public RemediationPlan Plan(PolicyDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        List<object> remove = [.. decision.Elements.OfType<GrantFact>().Where(g => g.IsPublic)];
        return new RemediationPlan(Name, decision.ResourceId, [], remove.Count == 0 ? "none of the matched grants is public, so there is nothing this action removes" : null)
        {
            Elements = remove,
        };
    }
}
