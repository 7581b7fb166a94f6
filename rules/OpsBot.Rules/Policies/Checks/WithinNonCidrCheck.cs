using System.Linq.Expressions;
using System.Reflection;
using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Policies.Checks;

/// <summary>
/// A condition that matches rules whose source is another security group or a prefix list only
/// because <c>IsWithin</c> (or <c>PolicyFunctions.CidrWithin</c>) is false for them: it is true only
/// for a CIDR inside the network, so <c>!rule.IsWithin("10.0.0.0/8")</c> also matches every
/// group-reference rule. Found by evaluating the condition against such rules twice, as written and
/// with the IsWithin calls taken as true: a match that the second run loses is IsWithin's doing.
/// </summary>
internal sealed class WithinNonCidrCheck : IPolicyCheck
{
    private static readonly MethodInfo[] Within =
    [
        typeof(PermissionFact).GetMethod(nameof(PermissionFact.IsWithin))!,
        typeof(PolicyFunctions).GetMethod(nameof(PolicyFunctions.CidrWithin))!,
    ];

    private static readonly (SourceKind Kind, string Source)[] References =
    [
        (SourceKind.SecurityGroup, "sg-0123456789abcdef0"),
        (SourceKind.PrefixList, "pl-0123456789abcdef0"),
    ];

    public string Name => "within-non-cidr";

    public string Summary => "IsWithin (or CidrWithin) is false for a security-group or prefix-list source, and that makes the condition match such rules";

    public string? Inspect(PolicyCheckSubject subject)
    {
        if (PermissionProbe.For(subject) is not { } probe ||
            !ExpressionNodes.Of(probe.Condition.Body).OfType<MethodCallExpression>().Any(c => Within.Contains(c.Method)))
        {
            return null;
        }

        var elements = Samples(probe).ToList();
        var asWritten = elements.Where(e => probe.Matching([e]).Count > 0).ToList();
        if (asWritten.Count == 0)
        {
            return null;
        }

        var withinTrue = PermissionProbe.Compile(CallReplacement.Apply(probe.Condition, m => Within.Contains(m), true));
        var byWithin = asWritten.FirstOrDefault(e => probe.Matching([e], withinTrue).Count == 0);
        return byWithin is null ? null
            : $"'when' matches rules whose source is not an address range (such as {byWithin.Source}, a {(byWithin.SourceKind == SourceKind.SecurityGroup ? "security group" : "prefix list")}) " +
              "because IsWithin is false for them: it is true only for a CIDR inside the network; add `rule.IsCidr && ` to keep to address ranges";
    }

    // Whole-range elements, and one per port the condition names, so that port tests in it can hold.
    private static IEnumerable<PermissionFact> Samples(PermissionProbe probe)
    {
        var ports = ExpressionNodes.Of(probe.Condition.Body).OfType<ConstantExpression>()
            .Select(c => c.Value).OfType<int>().Where(p => p is >= 0 and <= 65535).Distinct();
        foreach (var (kind, source) in References)
        {
            yield return probe.Element(IpProtocol.All, -1, -1, kind, source);
            foreach (var protocol in new[] { IpProtocol.Tcp, IpProtocol.Udp })
            {
                yield return probe.Element(protocol, 0, 65535, kind, source);
                foreach (var port in ports)
                {
                    yield return probe.Element(protocol, port, port, kind, source);
                }
            }
        }
    }
}
