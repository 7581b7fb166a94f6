using OpsBot.Rules.Actions;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Resources;
using RulesEngine.Models;

namespace OpsBot.Rules.Policies;

/// <summary>
/// Loaded policies compiled into rules-engine workflows (one for <c>when</c>, one for <c>unless</c>),
/// indexed by resource type and trigger event. Built once; shared by the CLI and the functions.
/// </summary>
public sealed class PolicySet
{
    private readonly Dictionary<(string Resource, string Event), IReadOnlyList<Policy>> _byTrigger;

    /// <summary>Compiles <paramref name="policies"/>, which the loader has validated.</summary>
    public PolicySet(IReadOnlyList<Policy> policies, ResourceTypeRegistry resources, ActionRegistry actions)
    {
        All = policies;
        Resources = resources;
        Actions = actions;
        Engine = new RulesEngine.RulesEngine([.. policies.SelectMany(Workflows)], PolicyExpressionCompiler.Settings());
        _byTrigger = policies
            .SelectMany(p => p.Triggers.Select(t => (Key: (p.Resource, t), Policy: p)))
            .GroupBy(x => x.Key)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Policy>)[.. g.Select(x => x.Policy)]);
        CompileAll();
    }

    /// <summary>Every policy, in load order.</summary>
    public IReadOnlyList<Policy> All { get; }

    /// <summary>The resource types the policies were checked against.</summary>
    public ResourceTypeRegistry Resources { get; }

    /// <summary>The actions the policies were checked against.</summary>
    public ActionRegistry Actions { get; }

    /// <summary>Every (resource type, event name) some policy triggers on.</summary>
    public IReadOnlyCollection<(string Resource, string Event)> Triggers => _byTrigger.Keys;

    internal RulesEngine.RulesEngine Engine { get; }

    /// <summary>Loads and compiles every policy under <paramref name="paths"/> with the shipped registries.</summary>
    /// <exception cref="PolicyLoadException">Any policy is invalid; every problem is listed.</exception>
    public static PolicySet Load(params string[] paths) => new PolicyLoader().LoadSet(paths);

    /// <summary>The policies that trigger on <paramref name="eventName"/> for <paramref name="resourceType"/>.</summary>
    public IReadOnlyList<Policy> For(string resourceType, string eventName) =>
        _byTrigger.GetValueOrDefault((resourceType, eventName)) ?? [];

    /// <summary>The policy with id <paramref name="id"/>, or null.</summary>
    public Policy? Find(string id) => All.FirstOrDefault(p => p.Id == id);

    private static IEnumerable<Workflow> Workflows(Policy policy)
    {
        yield return Workflow(policy.WhenWorkflow, policy.When);
        if (policy.Unless is not null)
        {
            yield return Workflow(policy.UnlessWorkflow, policy.Unless);
        }
    }

    private static Workflow Workflow(string name, string expression) => new()
    {
        WorkflowName = name,
        Rules = [new Rule { RuleName = name, Expression = expression, RuleExpressionType = RuleExpressionType.LambdaExpression }],
    };

    // The engine compiles a workflow on first use; doing it here moves that cost to load time
    // (Lambda init) instead of the first event.
    private void CompileAll()
    {
        var group = new SecurityGroupFact { GroupId = "sg-compile" };
        var element = new PermissionFact { Direction = TrafficDirection.Ingress, Protocol = IpProtocol.Tcp, FromPort = 0, ToPort = 0, SourceKind = SourceKind.Ipv4Cidr, Source = "10.0.0.0/8" };
        var groupParameter = new RuleParameter(PolicyExpressionCompiler.GroupParameter, group);
        foreach (var policy in All)
        {
            _ = Engine.ExecuteAllRulesAsync(policy.WhenWorkflow, [new RuleParameter(PolicyExpressionCompiler.RuleParameter, element), groupParameter]).AsTask().GetAwaiter().GetResult();
            if (policy.Unless is not null)
            {
                _ = Engine.ExecuteAllRulesAsync(policy.UnlessWorkflow, [groupParameter]).AsTask().GetAwaiter().GetResult();
            }
        }
    }
}
