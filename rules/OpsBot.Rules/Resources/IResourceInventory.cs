namespace OpsBot.Rules.Resources;

/// <summary>
/// The resources of an offline state document, read one at a time on demand: a scan reads,
/// evaluates and drops each resource in turn, so the facts of a large inventory never all live at
/// once. A type that reads on demand builds a new fact on each call to <see cref="Read"/>, so an
/// index read twice is read twice, into two objects; nothing should rely on their identity.
/// </summary>
public interface IResourceInventory
{
    /// <summary>How many resources the document holds.</summary>
    int Count { get; }

    /// <summary>Reads the resource at <paramref name="index"/> (in document order) into its fact. Safe to call from several threads.</summary>
    /// <exception cref="Facts.StateFormatException">That resource is not in the expected shape.</exception>
    object Read(int index);
}
