namespace OpsBot.Rules.Resources.Ec2Snapshot;

/// <summary>One create-volume permission of an EBS snapshot, as <c>aws ec2 describe-snapshot-attribute</c> prints it.</summary>
public sealed record VolumePermissionFact
{
    /// <summary>The only group EC2 knows: every AWS account, which makes the snapshot public.</summary>
    public const string AllGroup = "all";

    /// <summary>The group granted (<c>all</c>), or an empty string for a grant to one account.</summary>
    public string Group { get; init; } = "";

    /// <summary>The AWS account id granted, or an empty string for a group grant.</summary>
    public string UserId { get; init; } = "";

    /// <summary>True for the <c>all</c> group: anyone can create a volume from the snapshot. Sharing with an account is not public.</summary>
    public bool IsPublic => Group == AllGroup;

    /// <summary>Who may create volumes, in words: "group all" or "account 123456789012".</summary>
    public override string ToString() => Group.Length > 0 ? $"group {Group}" : $"account {UserId}";
}
