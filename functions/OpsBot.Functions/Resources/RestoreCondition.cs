namespace OpsBot.Functions.Resources;

/// <summary>
/// An IAM condition under which a call restores rather than fixes, with a value the restoring call
/// sends (so a test can show the condition matches it).
/// </summary>
/// <param name="Operator">The IAM condition operator: <c>Null</c>, <c>StringEquals</c> or <c>StringLike</c>.</param>
/// <param name="Key">The condition key, e.g. <c>ec2:Add/group</c>.</param>
/// <param name="Values">The values the operator compares with (for <c>Null</c>: <c>false</c>, the key is present).</param>
/// <param name="RestoreExample">A value of <paramref name="Key"/> the restoring call sends.</param>
public sealed record RestoreCondition(string Operator, string Key, IReadOnlyList<string> Values, string RestoreExample)
{
    /// <summary>The key is present in the request (e.g. an <c>Add</c> list).</summary>
    public static RestoreCondition Present(string key, string restoreExample) => new("Null", key, ["false"], restoreExample);

    /// <summary>The key equals one of <paramref name="values"/>.</summary>
    public static RestoreCondition Equal(string key, IReadOnlyList<string> values) => new("StringEquals", key, values, values[0]);

    /// <summary>The key matches one of the wildcard <paramref name="patterns"/>.</summary>
    public static RestoreCondition Like(string key, IReadOnlyList<string> patterns, string restoreExample) => new("StringLike", key, patterns, restoreExample);
}
