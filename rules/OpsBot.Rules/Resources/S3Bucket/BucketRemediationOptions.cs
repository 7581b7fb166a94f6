namespace OpsBot.Rules.Resources.S3Bucket;

/// <summary>Options of the bucket actions.</summary>
/// <param name="Verify">Re-read the bucket after the change and report whether it now complies.</param>
public sealed record BucketRemediationOptions(bool Verify);
