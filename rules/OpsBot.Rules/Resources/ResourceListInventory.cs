namespace OpsBot.Rules.Resources;

/// <summary>
/// An inventory of facts already read, for the types whose state document is read whole and for
/// resources listed from a live account: <see cref="Read"/> returns the fact it holds.
/// </summary>
/// <param name="resources">The resource facts, in order.</param>
public sealed class ResourceListInventory(IReadOnlyList<object> resources) : IResourceInventory
{
    /// <inheritdoc />
    public int Count => resources.Count;

    /// <inheritdoc />
    public object Read(int index) => resources[index];
}
