using OpsBot.Rules.Facts;

namespace OpsBot.Functions.Audit;

/// <summary>One security-group rule as recorded in the audit trail: enough to authorize it again.</summary>
/// <param name="Direction">ingress or egress.</param>
/// <param name="Protocol">Normalised protocol ("tcp", "-1"…).</param>
/// <param name="FromPort">First port (-1 for all traffic).</param>
/// <param name="ToPort">Last port (-1 for all traffic).</param>
/// <param name="SourceKind">Ipv4Cidr, Ipv6Cidr, PrefixList or SecurityGroup.</param>
/// <param name="Source">The peer.</param>
/// <param name="RuleId">The rule id it had (<c>sgr-…</c>), or null.</param>
/// <param name="Description">The rule's description.</param>
/// <param name="Unconfirmed">True when EC2 answered NotFound to OpsBot's revoke (a retried revoke whose first answer was lost, or someone removed it first) or an interrupted attempt's revoke was found done: gone either way, and still restorable.</param>
public sealed record AuditPermission(string Direction, string Protocol, int FromPort, int ToPort, string SourceKind, string Source, string? RuleId, string Description, bool Unconfirmed = false)
{
    /// <summary>The audit form of <paramref name="fact"/>.</summary>
    public static AuditPermission From(PermissionFact fact, bool alreadyGone = false)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return new(fact.Direction == TrafficDirection.Ingress ? "ingress" : "egress", fact.Protocol, fact.FromPort, fact.ToPort, fact.SourceKind.ToString(), fact.Source, fact.RuleId, fact.Description, alreadyGone);
    }

    /// <summary>The element to authorize to restore this rule.</summary>
    public PermissionFact ToFact() => new()
    {
        Direction = Direction == "egress" ? TrafficDirection.Egress : TrafficDirection.Ingress,
        Protocol = Protocol,
        FromPort = FromPort,
        ToPort = ToPort,
        SourceKind = Enum.Parse<SourceKind>(SourceKind),
        Source = Source,
        RuleId = RuleId,
        Description = Description,
    };

    /// <summary>
    /// True when <paramref name="other"/> is the same rule: the same rule id when both have one,
    /// otherwise the same direction, protocol, ports and peer.
    /// </summary>
    public bool IsSameRule(AuditPermission other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return RuleId is not null && other.RuleId is not null
            ? RuleId == other.RuleId
            : Direction == other.Direction && Protocol == other.Protocol && FromPort == other.FromPort
              && ToPort == other.ToPort && SourceKind == other.SourceKind && Source == other.Source;
    }

    /// <inheritdoc />
    public override string ToString() => ToFact().ToString();
}
