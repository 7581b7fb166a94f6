namespace OpsBot.Rules.Resources.CloudTrailTrail;

/// <summary>Trail names and ARNs (<c>arn:aws:cloudtrail:REGION:ACCOUNT:trail/NAME</c>), which CloudTrail accepts alike.</summary>
public static class TrailNames
{
    private const string TrailPrefix = ":trail/";

    /// <summary>The name in <paramref name="nameOrArn"/>: the part after <c>:trail/</c> of an ARN, or the value itself.</summary>
    public static string NameOf(string nameOrArn)
    {
        ArgumentNullException.ThrowIfNull(nameOrArn);
        var at = nameOrArn.StartsWith("arn:", StringComparison.Ordinal) ? nameOrArn.LastIndexOf(TrailPrefix, StringComparison.Ordinal) : -1;
        return at < 0 ? nameOrArn : nameOrArn[(at + TrailPrefix.Length)..];
    }
}
