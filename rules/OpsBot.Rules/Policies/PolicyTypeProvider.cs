using System.Linq.Dynamic.Core.CustomTypeProviders;
using System.Reflection;

namespace OpsBot.Rules.Policies;

/// <summary>
/// The types an expression may name (<c>PolicyFunctions</c>, the fact records and their enums),
/// given to System.Linq.Dynamic.Core explicitly. Its default provider scans every loaded assembly
/// through <c>Assembly.Location</c>, which is empty under Native AOT and would widen the fence.
/// </summary>
internal sealed class PolicyTypeProvider : IDynamicLinqCustomTypeProvider
{
    private readonly HashSet<Type> _types;

    /// <summary>
    /// Makes <paramref name="types"/> known to the parser, and <see cref="object"/> so that the members
    /// every fact inherits resolve: <c>GetType()</c> then parses and is refused by
    /// <see cref="ExpressionFence"/> with its reason, instead of failing as an inaccessible method.
    /// </summary>
    public PolicyTypeProvider(IEnumerable<Type> types) => _types = [.. types, typeof(object)];

    public HashSet<Type> GetCustomTypes() => _types;

    public Dictionary<Type, List<MethodInfo>> GetExtensionMethods() => [];

    public Type? ResolveType(string typeName) => _types.FirstOrDefault(t => t.FullName == typeName);

    public Type? ResolveTypeBySimpleName(string simpleTypeName) => _types.FirstOrDefault(t => t.Name == simpleTypeName);
}
