namespace OpsBot.Rules.Policies;

/// <summary>A loaded, validated policy. Immutable; YAML never travels past the loader.</summary>
public sealed record Policy
{
    /// <summary>Unique id, e.g. <c>ec2-sg-admin-ports-public</c>.</summary>
    public required string Id { get; init; }

    /// <summary>One line for humans.</summary>
    public required string Title { get; init; }

    /// <summary>Longer explanation, or an empty string.</summary>
    public string Description { get; init; } = "";

    /// <summary>How serious a match is.</summary>
    public required PolicySeverity Severity { get; init; }

    /// <summary>The resource type name, e.g. <c>aws.ec2.security-group</c>.</summary>
    public required string Resource { get; init; }

    /// <summary>CloudTrail event names that make OpsBot evaluate this policy.</summary>
    public required IReadOnlyList<string> Triggers { get; init; }

    /// <summary>The name of the element collection checked one by one, e.g. <c>ingress</c>; one of the resource type's collections.</summary>
    public required string Select { get; init; }

    /// <summary>The match condition over the selected element and its resource (for security groups: <c>rule</c> and <c>sg</c>).</summary>
    public required string When { get; init; }

    /// <summary>
    /// The C# rule (<see cref="Code.PolicyRule"/> class name) that is the match condition instead of
    /// a YAML expression, or null; <see cref="When"/> then reads "C# rule NAME".
    /// </summary>
    public string? Rule { get; init; }

    /// <summary>The exemption condition over the resource (for security groups: <c>sg</c>), or null.</summary>
    public string? Unless { get; init; }

    /// <summary>What to do about matches.</summary>
    public required Remediation Remediation { get; init; }

    /// <summary>Where alerts go.</summary>
    public required IReadOnlyList<NotifyChannel> Notify { get; init; }

    /// <summary>
    /// The load checks (<see cref="Checks.PolicyCheckRegistry"/>) whose findings the author has
    /// acknowledged as meant: they are neither warned about nor refused in enforce mode.
    /// </summary>
    public IReadOnlyList<string> Acknowledge { get; init; } = [];

    /// <summary>
    /// Whether the scheduled sweep evaluates the policy too (true unless <c>sweep: false</c>); a policy
    /// that would hold every account's resources for approval at once can leave it to events.
    /// </summary>
    public bool Sweep { get; init; } = true;

    /// <summary>Where the policy was defined.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>SHA-256 (hex) of the policy file's text, recorded in every audit record.</summary>
    public required string SourceHash { get; init; }
}
