namespace OpsBot.Functions.Aws.Rds;

/// <summary>A manual snapshot as RDS reports it: identifier, the values of its <c>restore</c> attribute, and its tags.</summary>
/// <param name="Identifier">The snapshot identifier.</param>
/// <param name="Restore">The <c>restore</c> attribute's values (account ids, or <c>all</c>), in RDS's order.</param>
/// <param name="Tags">Tags by key.</param>
public sealed record RdsSnapshotState(string Identifier, IReadOnlyList<string> Restore, IReadOnlyDictionary<string, string> Tags);
