using OpsBot.Rules.Actions;
using OpsBot.Rules.Evaluation;

namespace OpsBot.Rules.Resources.S3Bucket;

/// <summary>
/// Puts the bucket's public access block back with all four settings on; the configuration it
/// replaces (or its absence) is the restorable state. It changes the bucket as a whole, so it acts
/// on none of the matched elements; policies must still <c>select</c> a collection, so it accepts
/// <c>grants</c> (for a block switched off) and <c>statements</c> (to neutralise a public bucket
/// policy through BlockPublicPolicy and RestrictPublicBuckets without deleting the policy).
/// </summary>
public sealed class PutPublicAccessBlock : IRemediationAction
{
    /// <summary>The <c>verify</c> option's name.</summary>
    public const string VerifyOption = "verify";

    /// <inheritdoc />
    public string Name => "put-public-access-block";

    /// <inheritdoc />
    public string Summary => "Turn all four settings of the bucket's public access block on, keeping the replaced configuration for undo.";

    /// <inheritdoc />
    public string ResourceType => S3BucketResourceType.TypeName;

    /// <inheritdoc />
    public IReadOnlyList<string> Selections { get; } = ["grants", "statements"];

    /// <inheritdoc />
    public IReadOnlyList<string> IamPermissions { get; } = ["s3:GetBucketAcl", "s3:GetBucketPolicy", "s3:GetBucketTagging", "s3:GetBucketPublicAccessBlock", "s3:PutBucketPublicAccessBlock"];

    /// <inheritdoc />
    public IReadOnlyList<ActionOption> Options { get; } =
    [
        new(VerifyOption, ActionOptionType.Boolean, true, "Re-read the public access block after the change and report whether it is fully on."),
    ];

    /// <inheritdoc />
    public string Example => """
        id: example-s3-public-access-block-off
        title: Buckets must keep their public access block on
        severity: high
        resource: aws.s3.bucket
        triggers: [DeleteBucketPublicAccessBlock, PutBucketPublicAccessBlock]
        select: grants
        when: "!bucket.PublicAccessBlockFullyOn"
        unless: bucket.Tag("opsbot:exempt") == "true"
        remediation:
          action: put-public-access-block
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
        return new RemediationPlan(Name, decision.ResourceId, []) { Elements = [] };
    }
}
