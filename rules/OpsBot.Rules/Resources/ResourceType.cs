using OpsBot.Rules.Events;

namespace OpsBot.Rules.Resources;

/// <summary>
/// The base of every resource type: derive, name the resource fact <typeparamref name="TResource"/>,
/// and declare the rest. The untyped members of <see cref="IResourceType"/> are implemented here
/// once, over the typed ones.
/// </summary>
/// <typeparam name="TResource">The resource fact, e.g. <c>SecurityGroupFact</c>.</typeparam>
public abstract class ResourceType<TResource> : IResourceType
    where TResource : class
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract string EventSource { get; }

    /// <inheritdoc />
    public abstract IReadOnlyList<string> EventNames { get; }

    /// <inheritdoc />
    public Type FactType => typeof(TResource);

    /// <inheritdoc />
    public abstract string Variable { get; }

    /// <inheritdoc />
    public abstract IReadOnlyList<IElementCollection> Collections { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Selections => [.. Collections.Select(c => c.Name)];

    /// <inheritdoc />
    public abstract IReadOnlyList<Type> ExpressionTypes { get; }

    /// <inheritdoc />
    public abstract string StateDocument { get; }

    /// <inheritdoc />
    public abstract IReadOnlyList<ResourceReference> FindResources(CloudTrailEvent cloudTrailEvent);

    /// <summary>Reads the offline state document into resource facts (see <see cref="IResourceType.ReadState(string, string?)"/>).</summary>
    public abstract IReadOnlyList<TResource> Read(string document, string? companion);

    /// <summary>
    /// Reads the offline state document from its UTF-8 bytes (see <see cref="IResourceType.ReadState(ReadOnlyMemory{byte}, ReadOnlyMemory{byte}?)"/>);
    /// decodes them for <see cref="Read"/> unless a type reads the bytes itself.
    /// </summary>
    public virtual IReadOnlyList<TResource> ReadUtf8(ReadOnlyMemory<byte> document, ReadOnlyMemory<byte>? companion) =>
        Read(Utf8Text(document), companion is { } c ? Utf8Text(c) : null);

    /// <summary>The id of <paramref name="resource"/>.</summary>
    public abstract string IdOf(TResource resource);

    /// <summary>True when <paramref name="resource"/> is the one <paramref name="reference"/> points at; by id unless overridden.</summary>
    public virtual bool IsReferencedBy(TResource resource, ResourceReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Id == IdOf(resource);
    }

    /// <inheritdoc />
    public IReadOnlyList<object> ReadState(string document, string? companion) => Read(document, companion);

    /// <inheritdoc />
    public IReadOnlyList<object> ReadState(ReadOnlyMemory<byte> document, ReadOnlyMemory<byte>? companion) => ReadUtf8(document, companion);

    /// <summary>The state document as an inventory (see <see cref="IResourceType.OpenState"/>); read whole unless a type reads its resources on demand.</summary>
    public virtual IResourceInventory OpenState(ReadOnlyMemory<byte> document, ReadOnlyMemory<byte>? companion) =>
        new ResourceListInventory(ReadUtf8(document, companion));

    /// <inheritdoc />
    public string ResourceId(object resource) => IdOf((TResource)resource);

    /// <inheritdoc />
    public bool IsReferencedBy(object resource, ResourceReference reference) => resource is TResource typed && IsReferencedBy(typed, reference);

    /// <inheritdoc />
    public IElementCollection? Collection(string selection)
    {
        // Asked for every policy of every resource evaluated: no predicate allocated per call.
        var collections = Collections;
        for (var i = 0; i < collections.Count; i++)
        {
            if (collections[i].Name == selection)
            {
                return collections[i];
            }
        }

        return null;
    }

    private static string Utf8Text(ReadOnlyMemory<byte> utf8) => System.Text.Encoding.UTF8.GetString(utf8.Span).TrimStart('\uFEFF');
}
