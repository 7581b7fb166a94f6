using System.Linq.Expressions;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Resources;

namespace OpsBot.Rules.Policies.Checks;

/// <summary>
/// Evaluates a security-group policy's <c>when</c> against made-up permission elements at load, to
/// find conditions that match elements their author did not mean (the default egress rule, a
/// group-reference source). Each element is put in a plain group and in a VPC's default group, with
/// its exposure computed as for live state; the condition matches when it does in either.
/// </summary>
internal sealed class PermissionProbe
{
    private static readonly SecurityGroupFact[] Groups =
    [
        new() { GroupId = "sg-00000000000000001", GroupName = "opsbot-load-check", VpcId = "vpc-00000000000000001" },
        new() { GroupId = "sg-00000000000000002", GroupName = "default", VpcId = "vpc-00000000000000001" },
    ];

    private readonly Func<PermissionFact, SecurityGroupFact, bool> _test;

    private PermissionProbe(Expression<Func<PermissionFact, SecurityGroupFact, bool>> condition, TrafficDirection direction)
    {
        Condition = condition;
        Direction = direction;
        _test = Compile(condition);
    }

    /// <summary>The parsed <c>when</c>.</summary>
    public Expression<Func<PermissionFact, SecurityGroupFact, bool>> Condition { get; }

    /// <summary>The direction of the selected collection.</summary>
    public TrafficDirection Direction { get; }

    /// <summary>A probe for <paramref name="subject"/>, or null when it does not select security-group permissions.</summary>
    public static PermissionProbe? For(PolicyCheckSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.ResourceType.FactType != typeof(SecurityGroupFact) || subject.Collection.ElementType != typeof(PermissionFact) ||
            !Enum.TryParse<TrafficDirection>(subject.Collection.Name, ignoreCase: true, out var direction))
        {
            return null;
        }

        var condition = PolicyExpressionCompiler.ParseWhen<PermissionFact, SecurityGroupFact>(subject.Policy.When, subject.ResourceType, subject.Collection);
        return new PermissionProbe(condition, direction);
    }

    /// <summary>An element of the selected direction.</summary>
    public PermissionFact Element(string protocol, int fromPort, int toPort, SourceKind kind, string source) => new()
    {
        Direction = Direction,
        Protocol = protocol,
        FromPort = fromPort,
        ToPort = toPort,
        SourceKind = kind,
        Source = source,
    };

    /// <summary>
    /// A condition over the same parameters, made runnable; interpreted, since it runs a few times
    /// at load only and the Native AOT build has no JIT for it anyway.
    /// </summary>
    public static Func<PermissionFact, SecurityGroupFact, bool> Compile(Expression<Func<PermissionFact, SecurityGroupFact, bool>> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return condition.Compile(preferInterpretation: true);
    }

    /// <summary>
    /// The elements, among <paramref name="elements"/> (given together, as one group holds them),
    /// that <paramref name="test"/> (the policy's own condition when null) matches. A condition that
    /// throws on a made-up element is left to evaluation, where it is reported; here it does not match.
    /// </summary>
    public IReadOnlyList<PermissionFact> Matching(IReadOnlyList<PermissionFact> elements, Func<PermissionFact, SecurityGroupFact, bool>? test = null)
    {
        test ??= _test;
        var matched = new List<PermissionFact>();
        foreach (var group in Groups.Select(g => SecurityGroupFactBuilder.Build(g, elements)))
        {
            foreach (var element in group.Permissions(Direction).Where(e => !matched.Contains(e) && Holds(test, e, group)))
            {
                matched.Add(element);
            }
        }

        return matched;
    }

    private static bool Holds(Func<PermissionFact, SecurityGroupFact, bool> test, PermissionFact element, SecurityGroupFact group)
    {
        try
        {
            return test(element, group);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return false;
        }
    }
}
