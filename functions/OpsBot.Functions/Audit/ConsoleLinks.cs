namespace OpsBot.Functions.Audit;

/// <summary>The AWS console page of a resource, told apart by its id: <c>sg-…</c> is a security group, <c>snap-…</c> an EBS snapshot, <c>ami-…</c> an image, any other id a bucket.</summary>
public static class ConsoleLinks
{
    /// <summary>The console page of <paramref name="resourceId"/> in <paramref name="region"/>.</summary>
    public static string For(string region, string resourceId)
    {
        ArgumentNullException.ThrowIfNull(resourceId);
        var r = Uri.EscapeDataString(region ?? "");
        var id = Uri.EscapeDataString(resourceId);
        if (resourceId.StartsWith("snap-", StringComparison.Ordinal))
        {
            return $"https://{r}.console.aws.amazon.com/ec2/home?region={r}#SnapshotDetails:snapshotId={id}";
        }

        if (resourceId.StartsWith("ami-", StringComparison.Ordinal))
        {
            return $"https://{r}.console.aws.amazon.com/ec2/home?region={r}#ImageDetails:imageId={id}";
        }

        return resourceId.StartsWith("sg-", StringComparison.Ordinal)
            ? $"https://{r}.console.aws.amazon.com/ec2/home?region={r}#SecurityGroup:groupId={id}"
            : $"https://s3.console.aws.amazon.com/s3/buckets/{id}?region={r}";
    }
}
