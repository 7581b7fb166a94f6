namespace OpsBot.Rules.Resources.S3Bucket;

/// <summary>
/// One statement of a bucket policy. <see cref="IsPublic"/> follows S3's documented meaning of a
/// public policy: an Allow to every principal that no condition key ties to fixed values.
/// </summary>
public sealed record PolicyStatementFact
{
    /// <summary>The statement's <c>Sid</c>, or an empty string.</summary>
    public string Sid { get; init; } = "";

    /// <summary><c>Allow</c> or <c>Deny</c>.</summary>
    public required string Effect { get; init; }

    /// <summary>
    /// The principals, one string each: <c>*</c> for <c>"Principal": "*"</c> and for an <c>"AWS": "*"</c>
    /// entry; other entries as "Kind:value", e.g. <c>AWS:arn:aws:iam::111111111111:root</c>.
    /// </summary>
    public IReadOnlyList<string> Principals { get; init; } = [];

    /// <summary>The actions, e.g. <c>s3:GetObject</c>; <c>NotAction</c> entries prefixed with <c>!</c>.</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];

    /// <summary>
    /// True when a condition ties the request to fixed values S3 accepts as non-public: a source
    /// ARN, account, VPC or VPC endpoint, an organization or principal account, or source IPs in
    /// non-public ranges (see <c>PublicPolicyConditions</c>).
    /// </summary>
    public bool HasRestrictingCondition { get; init; }

    /// <summary>True for <c>Allow</c>.</summary>
    public bool IsAllow => Effect == "Allow";

    /// <summary>True when the principal is everyone: <c>"*"</c> or <c>{"AWS": "*"}</c>.</summary>
    public bool IsToEveryone => Principals.Contains("*");

    /// <summary>True for an Allow to everyone without a restricting condition: the statement makes the bucket public.</summary>
    public bool IsPublic => IsAllow && IsToEveryone && !HasRestrictingCondition;

    /// <summary>True when the statement allows <paramref name="action"/> (exactly, or by <c>*</c> or <c>s3:*</c>).</summary>
    public bool Allows(string action) => IsAllow && Actions.Any(a => a == "*" || a == "s3:*" || string.Equals(a, action, StringComparison.OrdinalIgnoreCase));

    /// <summary>"Effect actions to principals", with the Sid when it has one.</summary>
    public override string ToString() =>
        $"{(Sid.Length > 0 ? Sid + ": " : "")}{Effect} {string.Join(",", Actions)} to {string.Join(",", Principals)}{(HasRestrictingCondition ? " (restricted by condition)" : "")}";
}
