using System.Diagnostics.CodeAnalysis;

namespace OpsBot.Rules.Policies.Code;

/// <summary>The C# policy rules (<see cref="PolicyRule"/>) shipped in this assembly, by class name.</summary>
public sealed class PolicyRuleCatalog
{
    private readonly Dictionary<string, Func<PolicyRule>> _rules;

    /// <summary>Creates a catalog of the given rule factories.</summary>
    public PolicyRuleCatalog(IEnumerable<Func<PolicyRule>> rules) =>
        _rules = rules.ToDictionary(f => f().RuleName, StringComparer.Ordinal);

    /// <summary>Every rule class in OpsBot.Rules.</summary>
    public static PolicyRuleCatalog Default { get; } = new(Discover());

    /// <summary>The rule names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _rules.Keys.Order(StringComparer.Ordinal)];

    /// <summary>A new instance of the rule called <paramref name="name"/>, or null.</summary>
    public PolicyRule? Create(string name) => _rules.TryGetValue(name, out var create) ? create() : null;

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Rule classes live in this assembly, which the Native AOT build roots.")]
    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "Rule classes live in this assembly, which the Native AOT build roots.")]
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "Rule classes live in this assembly, which the Native AOT build roots.")]
    private static IEnumerable<Func<PolicyRule>> Discover() =>
        typeof(PolicyRuleCatalog).Assembly.GetTypes()
            .Where(t => typeof(PolicyRule).IsAssignableFrom(t) && t is { IsAbstract: false })
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (Func<PolicyRule>)(() => (PolicyRule)Activator.CreateInstance(t)!))
            .ToList();
}
