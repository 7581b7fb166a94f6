using OpsBot.Rules.Actions;
using OpsBot.Rules.Engine;
using OpsBot.Rules.Resources;

namespace OpsBot.Rules.Policies;

/// <summary>
/// Loaded policies compiled into one NRules session factory, indexed by resource type and trigger
/// event. Built once, at load (Lambda init); shared by the CLI and the functions.
/// </summary>
public sealed class PolicySet
{
    private readonly Dictionary<(string Resource, string Event), IReadOnlyList<Policy>> _byTrigger;

    /// <summary>Compiles <paramref name="policies"/>, which the loader has validated.</summary>
    /// <exception cref="ArgumentException">A policy's condition does not pass the expression check.</exception>
    public PolicySet(IReadOnlyList<Policy> policies, ResourceTypeRegistry resources, ActionRegistry actions)
    {
        All = policies;
        Resources = resources;
        Actions = actions;
        Engine = new PolicyEngine(policies, resources);
        _byTrigger = policies
            .SelectMany(p => p.Triggers.Select(t => (Key: (p.Resource, t), Policy: p)))
            .GroupBy(x => x.Key)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Policy>)[.. g.Select(x => x.Policy)]);
    }

    /// <summary>Every policy, in load order.</summary>
    public IReadOnlyList<Policy> All { get; }

    /// <summary>The resource types the policies were checked against.</summary>
    public ResourceTypeRegistry Resources { get; }

    /// <summary>The actions the policies were checked against.</summary>
    public ActionRegistry Actions { get; }

    /// <summary>Every (resource type, event name) some policy triggers on.</summary>
    public IReadOnlyCollection<(string Resource, string Event)> Triggers => _byTrigger.Keys;

    internal PolicyEngine Engine { get; }

    /// <summary>Loads and compiles every policy under <paramref name="paths"/> with the shipped registries.</summary>
    /// <exception cref="PolicyLoadException">Any policy is invalid; every problem is listed.</exception>
    public static PolicySet Load(params string[] paths) => new PolicyLoader().LoadSet(paths);

    /// <summary>The policies that trigger on <paramref name="eventName"/> for <paramref name="resourceType"/>.</summary>
    public IReadOnlyList<Policy> For(string resourceType, string eventName) =>
        _byTrigger.GetValueOrDefault((resourceType, eventName)) ?? [];

    /// <summary>The policy with id <paramref name="id"/>, or null.</summary>
    public Policy? Find(string id) => All.FirstOrDefault(p => p.Id == id);
}
