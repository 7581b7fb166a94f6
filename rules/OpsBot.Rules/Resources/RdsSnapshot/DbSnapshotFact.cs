namespace OpsBot.Rules.Resources.RdsSnapshot;

/// <summary>A manual RDS DB snapshot as RDS reports it now: its identifier, who may restore it, and its tags.</summary>
public sealed record DbSnapshotFact : Facts.ITaggedFact
{
    /// <summary>The DB snapshot identifier, which is also its id.</summary>
    public required string Identifier { get; init; }

    /// <summary>The values of the <c>restore</c> attribute: account ids and possibly <c>all</c>.</summary>
    public IReadOnlyList<RestorePermissionFact> Restore { get; init; } = [];

    /// <summary>Tags by key.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>True when every AWS account may restore the snapshot.</summary>
    public bool IsPublic => Restore.Any(r => r.IsPublic);

    /// <summary>The value of tag <paramref name="key"/>, or an empty string when the snapshot lacks it.</summary>
    public string Tag(string key) => Tags.TryGetValue(key, out var value) ? value : "";

    /// <summary>True when the snapshot carries tag <paramref name="key"/>, whatever its value.</summary>
    public bool HasTag(string key) => Tags.ContainsKey(key);
}
