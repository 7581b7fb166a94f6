using NRules;
using NRules.Diagnostics;
using NRules.Fluent;
using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Policies.Code;
using OpsBot.Rules.Resources;

namespace OpsBot.Rules.Engine;

/// <summary>
/// Every policy of a set compiled once, at load, into NRules session factories: one per resource
/// type, holding the rules of that type's policies, so that a resource's session activates only the
/// rules that can match it (a session activates every rule of its factory when it is created, and a
/// scan creates one per resource). Each resource is evaluated in a session of its own: NRules builds
/// no join index, so a session holding many resources would cost time quadratic in their number.
/// </summary>
internal sealed class PolicyEngine
{
    private static readonly Dictionary<string, string[]> EmptyExemptions = new(StringComparer.Ordinal);

    private readonly Dictionary<string, TypeSessions> _sessions = new(StringComparer.Ordinal);

    /// <summary>Builds and compiles the rules of <paramref name="policies"/>, each from its resource type's declaration.</summary>
    /// <exception cref="ArgumentException">A policy's condition does not pass the expression check, or names an unknown resource or collection.</exception>
    public PolicyEngine(IEnumerable<Policy> policies, ResourceTypeRegistry resources)
    {
        foreach (var ofType in policies.GroupBy(p => p.Resource, StringComparer.Ordinal))
        {
            var compiler = new RuleCompiler();
            var rules = new List<NRules.RuleModel.IRuleDefinition>();
            var registered = new HashSet<string>(StringComparer.Ordinal);
            ICollectionRules? any = null;
            foreach (var policy in ofType)
            {
                var builder = any = Rules(policy, resources);
                if (registered.Add(policy.Select))
                {
                    builder.RegisterFactIdentity(compiler);
                }

                rules.Add(policy.Rule is { } code ? CodeRule(policy, code) : builder.Build(policy));
            }

            // One exemption rule per distinct `unless` of the type (the shipped policies all share
            // one): a session activates and meters every rule it holds, for every resource.
            var exemptions = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var shared in ofType.Where(p => p.Unless is not null).GroupBy(p => p.Unless!, StringComparer.Ordinal))
            {
                var name = PolicyRuleNames.Exemption(shared.First().Id);
                exemptions.Add(name, [.. shared.Select(p => p.Id)]);
                rules.Add(any!.BuildExemption(shared.Key, name, $"exemption of {string.Join(", ", exemptions[name])}"));
            }

            _sessions.Add(ofType.Key, new TypeSessions(compiler.Compile(rules), exemptions));
        }
    }

    /// <summary>
    /// Inserts <paramref name="resource"/> and the elements of every collection of its type into a
    /// new session of its type's rules and fires it. Only the policies in <paramref name="candidates"/> are asked about:
    /// a condition of another policy that throws counts as false, as if it had not been evaluated.
    /// </summary>
    /// <exception cref="PolicyEvaluationException">A condition of a candidate policy threw.</exception>
    public FiredRules Run(IResourceType type, object resource, IReadOnlyCollection<Policy> candidates)
    {
        if (!_sessions.TryGetValue(type.Name, out var compiled))
        {
            return new FiredRules(EmptyExemptions);
        }

        var fired = new FiredRules(compiled.Exemptions);
        var session = compiled.Factory.CreateSession();
        session.DependencyResolver = fired;
        string? failed = null;
        session.Events.LhsExpressionFailedEvent += (_, e) =>
        {
            var policy = e.Rules.SelectMany(r => PolicyRuleNames.PolicyIds(r.Name, compiled.Exemptions)).FirstOrDefault(id => candidates.Any(c => c.Id == id));
            failed ??= policy;
            e.IsHandled = policy is null;
        };

        try
        {
            session.Insert(resource);
            var collections = type.Collections;
            for (var i = 0; i < collections.Count; i++)
            {
                session.InsertAll(collections[i].Elements(resource));
            }
        }
        catch (RuleLhsExpressionEvaluationException ex)
        {
            throw new PolicyEvaluationException(failed ?? "(unknown)", ex.InnerException?.Message ?? ex.Message, ex);
        }

        session.Fire();
        return fired;
    }

    // A C# policy: its fluent rule, named after the policy; its `unless` is the type's exemption rule.
    private static NRules.RuleModel.IRuleDefinition CodeRule(Policy policy, string name)
    {
        var rule = PolicyRuleCatalog.Default.Create(name) ?? throw new ArgumentException($"policy {policy.Id}: no C# policy rule '{name}'", nameof(policy));
        rule.PolicyId = policy.Id;
        return new RuleDefinitionFactory().Create(rule);
    }

    private static ICollectionRules Rules(Policy policy, ResourceTypeRegistry resources)
    {
        var type = resources.Find(policy.Resource) ?? throw new ArgumentException($"policy {policy.Id}: unknown resource type '{policy.Resource}'", nameof(policy));
        return type.Collection(policy.Select) is ICollectionRuleSource source
            ? source.CreateRules(type)
            : throw new ArgumentException($"policy {policy.Id}: '{policy.Select}' is not a collection of {type.Name}", nameof(policy));
    }
}
