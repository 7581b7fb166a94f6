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
        return Union([.. rules]);
    }

    /// <summary>True for an ingress element that counts towards the exposed ports: open to the internet, TCP/UDP, not all ports.</summary>
    public static bool Counts(PermissionFact rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Direction == TrafficDirection.Ingress && rule.IsOpenToInternet && IpProtocol.HasPorts(rule.Protocol) && !rule.CoversAllPorts;
    }

    /// <summary>Distinct ports the counting ingress elements of <paramref name="group"/> expose (<see cref="Counts"/>, <see cref="ExposedPorts"/>).</summary>
    public static int ExposedIngressPorts(SecurityGroupFact group)
    {
        ArgumentNullException.ThrowIfNull(group);

        // Asked of every group a scan or a sweep reads, most of which expose a port or two, if any.
        var ingress = group.Ingress;
        var counting = 0;
        for (var i = 0; i < ingress.Count; i++)
        {
            counting += Counts(ingress[i]) ? 1 : 0;
        }

        if (counting == 0)
        {
            return 0;
        }

        var rules = new PermissionFact[counting];
        counting = 0;
        for (var i = 0; i < ingress.Count; i++)
        {
            if (Counts(ingress[i]))
            {
                rules[counting++] = ingress[i];
            }
        }

        return Union(rules);
    }

    // Sorted in place, by protocol then first port, and swept once.
    private static int Union(PermissionFact[] rules)
    {
        Array.Sort(rules, static (a, b) =>
            string.CompareOrdinal(a.Protocol, b.Protocol) is var byProtocol && byProtocol != 0 ? byProtocol : a.FromPort.CompareTo(b.FromPort));
        var total = 0;
        var end = -1;
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            if (i > 0 && !string.Equals(rule.Protocol, rules[i - 1].Protocol, StringComparison.Ordinal))
            {
                end = -1;
            }

            var from = Math.Max(rule.FromPort, end + 1);
            if (rule.ToPort >= from)
            {
                total += rule.ToPort - from + 1;
                end = rule.ToPort;
            }
        }

        return total;
    }

    /// <inheritdoc />
    protected override void DefineRule()
    {
        SecurityGroupFact sg = null!;
        PermissionFact open = null!;

        // The count is taken over the group's own ingress list when the group is matched, and each
        // counting element is then matched on its own: the same decision as collecting the elements
        // with an NRules aggregate, without the aggregate every session would build for every group
        // (about a third of a scan's time in the engine).
        When()
            .Match(() => sg, g => !g.IsDefault && ExposedIngressPorts(g) > MaxExposedPorts)
            .Match(() => open, r => Counts(r));

        Then()
            .Do(ctx => Matched(ctx, open));
    }
}
