using OpsBot.Rules.Resources;

namespace OpsBot.Rules.Testing;

/// <summary>
/// An element a test case expects, as the values it gives by key (<c>protocol</c>, <c>cidr</c>, … for
/// a security-group rule; <c>grantee</c>, <c>permission</c>, … for a bucket grant). It matches an
/// element when every value it gives equals what the element's collection describes.
/// </summary>
public sealed record ExpectedElement(IReadOnlyDictionary<string, string> Values)
{
    /// <summary>True when <paramref name="actual"/>, an element of <paramref name="collection"/>, is this element.</summary>
    public bool Matches(IElementCollection collection, object actual)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var described = collection.Describe(actual);
        return Values.All(v => described.TryGetValue(v.Key, out var value) && value == collection.NormalizeExpected(v.Key, v.Value));
    }

    /// <summary>The keys it gives that <paramref name="collection"/> does not describe, which can never match.</summary>
    public IEnumerable<string> UnknownKeys(IElementCollection collection, object sample)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var described = collection.Describe(sample);
        return Values.Keys.Where(k => !described.ContainsKey(k));
    }
}
