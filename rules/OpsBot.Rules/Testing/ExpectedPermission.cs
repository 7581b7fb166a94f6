using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Testing;

/// <summary>A permission element a test case expects, compared on protocol, ports, peer and (when given) direction.</summary>
public sealed record ExpectedPermission(string Protocol, int FromPort, int ToPort, string Source, TrafficDirection? Direction)
{
    /// <summary>True when <paramref name="actual"/> is this element.</summary>
    public bool Matches(PermissionFact actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        return IpProtocol.Normalize(Protocol) == actual.Protocol && FromPort == actual.FromPort && ToPort == actual.ToPort &&
               Source == actual.Source && (Direction is null || Direction == actual.Direction);
    }

    /// <summary>A short human form.</summary>
    public override string ToString() => $"{Protocol} {FromPort}-{ToPort} {Source}";
}
