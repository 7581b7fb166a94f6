using NRules.Fluent.Dsl;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Resources;

namespace OpsBot.Rules.Policies.Code.Shipped;

/// <summary>
/// A group whose internet-open TCP/UDP ingress rules, taken together, expose more than
/// <see cref="MaxExposedPorts"/> distinct ports: each rule alone may look harmless (a few ports
/// here, a small range there), which a YAML <c>when</c>, judging one rule at a time, cannot see.
/// All-traffic and all-ports rules are left to <c>ec2-sg-all-traffic-public</c>; default groups to
/// the default-group policies.
/// </summary>
public sealed class PublicPortSprawlRule : PolicyRule
{
    /// <summary>The most distinct internet-open ports (per protocol, summed) a group may expose.</summary>
    public const int MaxExposedPorts = 16;

    /// <inheritdoc />
    public override string ResourceType => SecurityGroupResourceType.TypeName;

    /// <inheritdoc />
    public override Type ElementType => typeof(PermissionFact);

    /// <summary>Distinct ports the <paramref name="rules"/> expose, per protocol, summed; overlapping ranges count once.</summary>
    public static int ExposedPorts(IEnumerable<PermissionFact> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var total = 0;
        foreach (var protocol in rules.GroupBy(r => r.Protocol, StringComparer.Ordinal))
        {
            var end = -1;
            foreach (var rule in protocol.OrderBy(r => r.FromPort))
            {
                var from = Math.Max(rule.FromPort, end + 1);
                if (rule.ToPort >= from)
                {
                    total += rule.ToPort - from + 1;
                    end = rule.ToPort;
                }
            }
        }

        return total;
    }

    /// <inheritdoc />
    protected override void DefineRule()
    {
        SecurityGroupFact sg = null!;
        IEnumerable<PermissionFact> open = null!;

        When()
            .Match(() => sg, g => !g.IsDefault)
            .Query(() => open, q => q
                .Match<PermissionFact>(r => r.Direction == TrafficDirection.Ingress && r.IsOpenToInternet && IpProtocol.HasPorts(r.Protocol) && !r.CoversAllPorts)
                .Collect()
                .Where(rules => ExposedPorts(rules) > MaxExposedPorts));

        Then()
            .Do(ctx => MatchedAll(ctx, open));
    }
}
