using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Tests.Facts;

/// <summary>Builds permission elements for tests.</summary>
internal static class Permissions
{
    public static PermissionFact Tcp(int from, int to, string cidr) => new()
    {
        Direction = TrafficDirection.Ingress,
        Protocol = IpProtocol.Tcp,
        FromPort = from,
        ToPort = to,
        SourceKind = cidr.Contains(':', StringComparison.Ordinal) ? SourceKind.Ipv6Cidr : SourceKind.Ipv4Cidr,
        Source = cidr,
    };

    public static PermissionFact AllTraffic(string cidr) => Tcp(-1, -1, cidr) with { Protocol = IpProtocol.All };

    public static SecurityGroupFact Group(params PermissionFact[] elements) =>
        SecurityGroupFactBuilder.Build(new SecurityGroupFact { GroupId = "sg-0123456789abcdef0" }, elements);
}
