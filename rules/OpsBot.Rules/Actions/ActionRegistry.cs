using System.Diagnostics.CodeAnalysis;

namespace OpsBot.Rules.Actions;

/// <summary>Every remediation action, discovered from this assembly: adding an action is adding its class.</summary>
public sealed class ActionRegistry
{
    private readonly Dictionary<string, IRemediationAction> _actions;

    /// <summary>Creates a registry of the given actions.</summary>
    public ActionRegistry(IEnumerable<IRemediationAction> actions) =>
        _actions = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);

    /// <summary>The registry of every action class in OpsBot.Rules.</summary>
    public static ActionRegistry Default { get; } = new(Discover());

    /// <summary>All actions, by name.</summary>
    public IEnumerable<IRemediationAction> All => _actions.Values.OrderBy(a => a.Name, StringComparer.Ordinal);

    /// <summary>The action called <paramref name="name"/>, or null.</summary>
    public IRemediationAction? Find(string name) => _actions.GetValueOrDefault(name);

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Action classes live in this assembly, which the Native AOT build roots.")]
    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "Action classes live in this assembly, which the Native AOT build roots.")]
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "Action classes live in this assembly, which the Native AOT build roots.")]
    private static IEnumerable<IRemediationAction> Discover() =>
        typeof(ActionRegistry).Assembly.GetTypes()
            .Where(t => typeof(IRemediationAction).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (IRemediationAction)Activator.CreateInstance(t)!)
            .ToList();
}
