namespace OpsBot.Functions.Aws.Rds;

/// <summary>
/// The names one kind of manual snapshot uses in the RDS Query API: DB (instance) snapshots and DB
/// cluster snapshots have the same operations with <c>DBSnapshot</c> or <c>DBClusterSnapshot</c> in their names.
/// </summary>
/// <param name="Stem">The operation stem, <c>DBSnapshot</c> or <c>DBClusterSnapshot</c>.</param>
/// <param name="NotFoundCodes">The error codes RDS answers for a snapshot that does not exist.</param>
public sealed record RdsSnapshotKind(string Stem, IReadOnlyList<string> NotFoundCodes)
{
    /// <summary>DB (instance) snapshots.</summary>
    public static RdsSnapshotKind DbSnapshot { get; } = new("DBSnapshot", ["DBSnapshotNotFound", "DBSnapshotNotFoundFault"]);

    /// <summary>DB cluster snapshots.</summary>
    public static RdsSnapshotKind DbClusterSnapshot { get; } = new("DBClusterSnapshot", ["DBClusterSnapshotNotFoundFault", "DBClusterSnapshotNotFound"]);

    /// <summary>The identifier parameter and element, e.g. <c>DBSnapshotIdentifier</c>.</summary>
    public string Identifier => Stem + "Identifier";

    /// <summary>The describe operation, e.g. <c>DescribeDBSnapshots</c>.</summary>
    public string Describe => $"Describe{Stem}s";

    /// <summary>The describe-attributes operation, e.g. <c>DescribeDBSnapshotAttributes</c>.</summary>
    public string DescribeAttributes => $"Describe{Stem}Attributes";

    /// <summary>The modify-attribute operation, e.g. <c>ModifyDBSnapshotAttribute</c>.</summary>
    public string ModifyAttribute => $"Modify{Stem}Attribute";

    /// <summary>The element of one attribute in a describe-attributes answer, e.g. <c>DBSnapshotAttribute</c>.</summary>
    public string AttributeElement => Stem + "Attribute";
}
