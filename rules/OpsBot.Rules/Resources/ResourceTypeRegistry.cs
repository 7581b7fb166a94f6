using OpsBot.Rules.Resources.S3Bucket;

namespace OpsBot.Rules.Resources;

/// <summary>The resource types policies can name.</summary>
public sealed class ResourceTypeRegistry
{
    private readonly Dictionary<string, IResourceType> _types;

    /// <summary>Creates a registry of the given types.</summary>
    public ResourceTypeRegistry(IEnumerable<IResourceType> types) =>
        _types = types.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The registry of every resource type OpsBot ships.</summary>
    public static ResourceTypeRegistry Default { get; } = new([new SecurityGroupResourceType(), new S3BucketResourceType()]);

    /// <summary>All types, by name.</summary>
    public IEnumerable<IResourceType> All => _types.Values;

    /// <summary>The type called <paramref name="name"/>, or null.</summary>
    public IResourceType? Find(string name) => _types.GetValueOrDefault(name);

    /// <summary>The type whose resource fact <paramref name="resource"/> is, or null.</summary>
    public IResourceType? ForFact(object resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return _types.Values.FirstOrDefault(t => t.FactType.IsInstanceOfType(resource));
    }
}
