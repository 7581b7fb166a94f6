using NRules.Extensibility;
namespace OpsBot.Rules.Engine;

/// <summary>
/// What one session's rules did when fired: the elements each policy's rule matched and the
/// policies whose exemption held. Rule actions reach it as a dependency, so each session records
/// into its own instance while the session factory stays shared.
/// </summary>
/// <param name="exemptions">Each exemption rule's name, with the policies whose <c>unless</c> it is.</param>
internal sealed class FiredRules(IReadOnlyDictionary<string, string[]> exemptions) : IDependencyResolver
{
    // Made on the first match or exemption: most resources a scan evaluates have neither.
    private Dictionary<string, HashSet<object>>? _matches;
    private HashSet<string>? _exempt;

    /// <summary>Called by a policy's match rule for each element it matched.</summary>
    public void Matched(string policyId, object element)
    {
        _matches ??= new(StringComparer.Ordinal);
        if (!_matches.TryGetValue(policyId, out var elements))
        {
            // Elements are records; two identical ones are still two elements to act on.
            elements = new HashSet<object>(ReferenceEqualityComparer.Instance);
            _matches.Add(policyId, elements);
        }

        elements.Add(element);
    }

    /// <summary>Called by an exemption rule, <paramref name="ruleName"/>, when its <c>unless</c> holds: every policy sharing it is exempt.</summary>
    public void Exempted(string ruleName)
    {
        _exempt ??= new(StringComparer.Ordinal);
        foreach (var policyId in PolicyRuleNames.PolicyIds(ruleName, exemptions))
        {
            _exempt.Add(policyId);
        }
    }

    /// <summary>True when the exemption of policy <paramref name="policyId"/> held.</summary>
    public bool IsExempt(string policyId) => _exempt?.Contains(policyId) == true;

    /// <summary>The elements of <paramref name="candidates"/> that policy <paramref name="policyId"/> matched, in their order.</summary>
    public List<object> Matches(string policyId, IReadOnlyList<object> candidates) =>
        _matches is not null && _matches.TryGetValue(policyId, out var elements) ? [.. candidates.Where(elements.Contains)] : [];

    object IDependencyResolver.Resolve(IResolutionContext context, Type serviceType) =>
        serviceType == typeof(FiredRules) ? this : throw new InvalidOperationException($"policy rules depend on nothing but {nameof(FiredRules)}, not {serviceType.Name}");
}
