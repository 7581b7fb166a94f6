using System.Diagnostics.CodeAnalysis;

namespace OpsBot.Rules.Resources;

/// <summary>The resource types policies can name, discovered from this assembly: adding a type is adding its class.</summary>
public sealed class ResourceTypeRegistry
{
    private readonly Dictionary<string, IResourceType> _types;

    /// <summary>Creates a registry of the given types.</summary>
    public ResourceTypeRegistry(IEnumerable<IResourceType> types) =>
        _types = types.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The registry of every resource type class in OpsBot.Rules.</summary>
    public static ResourceTypeRegistry Default { get; } = new(Discover());

    /// <summary>All types, by name.</summary>
    public IEnumerable<IResourceType> All => _types.Values;

    /// <summary>The type called <paramref name="name"/>, or null.</summary>
    public IResourceType? Find(string name) => _types.GetValueOrDefault(name);

    /// <summary>The type whose resource fact <paramref name="resource"/> is, or null.</summary>
    public IResourceType? ForFact(object resource)
    {
        ArgumentNullException.ThrowIfNull(resource);

        // Asked once per resource evaluated (a scan of 100,000 groups asks 100,000 times): a loop,
        // not a LINQ query that allocates its predicate and enumerator on every call.
        foreach (var type in _types.Values)
        {
            if (type.FactType.IsInstanceOfType(resource))
            {
                return type;
            }
        }

        return null;
    }

    // Security groups first (the type most policies name), then by name, so listings are stable.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Resource type classes live in this assembly, which the Native AOT build roots.")]
    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "Resource type classes live in this assembly, which the Native AOT build roots.")]
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "Resource type classes live in this assembly, which the Native AOT build roots.")]
    private static IEnumerable<IResourceType> Discover() =>
        typeof(ResourceTypeRegistry).Assembly.GetTypes()
            .Where(t => typeof(IResourceType).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (IResourceType)Activator.CreateInstance(t)!)
            .OrderBy(t => t.Name == SecurityGroupResourceType.TypeName ? 0 : 1)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
}
