namespace OpsBot.Functions.Audit;

/// <summary>
/// The AWS console page of a resource, by its resource type; without one, told apart by its id
/// (<c>sg-…</c>, <c>snap-…</c>, <c>ami-…</c>, <c>acl-…</c>, <c>i-…</c>; any other id a bucket).
/// </summary>
public static class ConsoleLinks
{
    /// <summary>The console page of <paramref name="resourceId"/> in <paramref name="region"/>.</summary>
    /// <param name="region">The region.</param>
    /// <param name="resourceId">The id decisions name the resource by.</param>
    /// <param name="resourceType">The resource type's name (e.g. <c>aws.rds.db-snapshot</c>); null to guess from the id.</param>
    public static string For(string region, string resourceId, string? resourceType = null)
    {
        ArgumentNullException.ThrowIfNull(resourceId);
        var r = Uri.EscapeDataString(region ?? "");
        var id = Uri.EscapeDataString(resourceId);
        var ec2 = $"https://{r}.console.aws.amazon.com/ec2/home?region={r}";
        return (resourceType ?? Guess(resourceId)) switch
        {
            "aws.ec2.security-group" => $"{ec2}#SecurityGroup:groupId={id}",
            "aws.ec2.snapshot" => $"{ec2}#SnapshotDetails:snapshotId={id}",
            "aws.ec2.image" => $"{ec2}#ImageDetails:imageId={id}",
            "aws.ec2.instance" => $"{ec2}#InstanceDetails:instanceId={id}",
            "aws.ec2.network-acl" => $"https://{r}.console.aws.amazon.com/vpcconsole/home?region={r}#NetworkAclDetails:networkAclId={id}",
            "aws.cloudtrail.trail" => $"https://{r}.console.aws.amazon.com/cloudtrailv2/home?region={r}#/trails",
            "aws.rds.db-snapshot" => $"https://{r}.console.aws.amazon.com/rds/home?region={r}#db-snapshot:id={id}",
            "aws.rds.db-cluster-snapshot" => $"https://{r}.console.aws.amazon.com/rds/home?region={r}#db-cluster-snapshot:id={id}",
            _ => $"https://s3.console.aws.amazon.com/s3/buckets/{id}?region={r}",
        };
    }

    private static string Guess(string resourceId) =>
        resourceId.StartsWith("sg-", StringComparison.Ordinal) ? "aws.ec2.security-group"
        : resourceId.StartsWith("snap-", StringComparison.Ordinal) ? "aws.ec2.snapshot"
        : resourceId.StartsWith("ami-", StringComparison.Ordinal) ? "aws.ec2.image"
        : resourceId.StartsWith("acl-", StringComparison.Ordinal) ? "aws.ec2.network-acl"
        : resourceId.StartsWith("i-", StringComparison.Ordinal) ? "aws.ec2.instance"
        : "aws.s3.bucket";
}
