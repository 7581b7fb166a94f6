namespace OpsBot.Rules.Resources.RdsSnapshot;

/// <summary>
/// One value of a manual snapshot's <c>restore</c> attribute, as <c>aws rds describe-db-snapshot-attributes</c>
/// (or <c>describe-db-cluster-snapshot-attributes</c>) prints it: an AWS account id the snapshot is
/// shared with, or <c>all</c>, which makes it restorable by every AWS account.
/// </summary>
public sealed record RestorePermissionFact
{
    /// <summary>The value that makes a snapshot public.</summary>
    public const string All = "all";

    /// <summary>The attribute value: an account id, or <c>all</c>.</summary>
    public required string Value { get; init; }

    /// <summary>True for <c>all</c>: any AWS account may copy or restore the snapshot.</summary>
    public bool IsPublic => string.Equals(Value, All, StringComparison.OrdinalIgnoreCase);

    /// <summary>"restorable by VALUE", e.g. "restorable by all".</summary>
    public override string ToString() => $"restorable by {Value}";
}
