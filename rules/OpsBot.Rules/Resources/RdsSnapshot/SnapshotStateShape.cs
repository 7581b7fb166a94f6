namespace OpsBot.Rules.Resources.RdsSnapshot;

/// <summary>
/// The property names of one kind of snapshot in what <c>aws rds describe-db-snapshot-attributes</c>
/// or <c>describe-db-cluster-snapshot-attributes</c> prints.
/// </summary>
/// <param name="Noun">The snapshot kind in words, for errors.</param>
/// <param name="Result">The result object, e.g. <c>DBSnapshotAttributesResult</c>.</param>
/// <param name="Identifier">The identifier property, e.g. <c>DBSnapshotIdentifier</c>.</param>
/// <param name="Attributes">The attribute list, e.g. <c>DBSnapshotAttributes</c>.</param>
internal sealed record SnapshotStateShape(string Noun, string Result, string Identifier, string Attributes)
{
    /// <summary>DB (instance) snapshots.</summary>
    public static SnapshotStateShape DbSnapshot { get; } = new("DB snapshot", "DBSnapshotAttributesResult", "DBSnapshotIdentifier", "DBSnapshotAttributes");

    /// <summary>DB cluster snapshots.</summary>
    public static SnapshotStateShape DbClusterSnapshot { get; } = new("DB cluster snapshot", "DBClusterSnapshotAttributesResult", "DBClusterSnapshotIdentifier", "DBClusterSnapshotAttributes");

    /// <summary>The document's description for <c>opsbot schema</c> and errors.</summary>
    public string Source => $"one object per {Noun}: what aws rds describe-{Kebab}-attributes prints (\"{Result}\"), with \"TagList\" beside it as aws rds list-tags-for-resource prints it";

    private string Kebab => Noun.Replace(' ', '-').ToLowerInvariant();
}
