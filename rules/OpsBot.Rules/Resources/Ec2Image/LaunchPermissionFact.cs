namespace OpsBot.Rules.Resources.Ec2Image;

/// <summary>One launch permission of an AMI, as <c>aws ec2 describe-image-attribute</c> prints it.</summary>
public sealed record LaunchPermissionFact
{
    /// <summary>The only group EC2 knows: every AWS account, which makes the image public.</summary>
    public const string AllGroup = "all";

    /// <summary>The group granted (<c>all</c>), or an empty string.</summary>
    public string Group { get; init; } = "";

    /// <summary>The AWS account id granted, or an empty string.</summary>
    public string UserId { get; init; } = "";

    /// <summary>The ARN of the organization granted, or an empty string.</summary>
    public string OrganizationArn { get; init; } = "";

    /// <summary>The ARN of the organizational unit granted, or an empty string.</summary>
    public string OrganizationalUnitArn { get; init; } = "";

    /// <summary>True for the <c>all</c> group: anyone can launch the image. Sharing with an account, organization or OU is not public.</summary>
    public bool IsPublic => Group == AllGroup;

    /// <summary>Who may launch, in words: "group all", "account 123456789012", "organization arn:…" or "organizational unit arn:…".</summary>
    public override string ToString() =>
        Group.Length > 0 ? $"group {Group}"
        : UserId.Length > 0 ? $"account {UserId}"
        : OrganizationArn.Length > 0 ? $"organization {OrganizationArn}"
        : $"organizational unit {OrganizationalUnitArn}";
}
