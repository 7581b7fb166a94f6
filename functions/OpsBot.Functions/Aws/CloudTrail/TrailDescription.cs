namespace OpsBot.Functions.Aws.CloudTrail;

/// <summary>One trail as <c>DescribeTrails</c> lists it (the parts OpsBot reads).</summary>
/// <param name="Name">The trail name.</param>
/// <param name="Arn">The trail ARN.</param>
/// <param name="HomeRegion">The region it was created in.</param>
/// <param name="IsMultiRegionTrail">Whether it records every region.</param>
/// <param name="LogFileValidationEnabled">Whether it writes digest files.</param>
/// <param name="S3BucketName">The bucket its log files go to.</param>
public sealed record TrailDescription(string Name, string Arn, string HomeRegion, bool IsMultiRegionTrail, bool LogFileValidationEnabled, string S3BucketName);
