using BenchmarkDotNet.Attributes;
using OpsBot.Rules.Facts;

namespace OpsBot.Benchmarks;

/// <summary>
/// Fact building at account-scan scale: the exposure of every element of 10,000 groups of five
/// permissions each, the work a scan does before any policy is evaluated.
/// </summary>
[MemoryDiagnoser]
public class FactBuildingBenchmarks
{
    private const int GroupCount = 10_000;

    private (SecurityGroupFact Group, PermissionFact[] Elements)[] _groups = [];

    [GlobalSetup]
    public void Setup() => _groups = [.. Enumerable.Range(0, GroupCount).Select(Group)];

    /// <summary>Build the facts of 10,000 groups of 5 permissions; returns how many elements are open.</summary>
    [Benchmark]
    public int BuildFactsFor10000GroupsOf5Permissions()
    {
        var open = 0;
        foreach (var (group, elements) in _groups)
        {
            var ingress = SecurityGroupFactBuilder.Build(group, elements).Ingress;
            for (var i = 0; i < ingress.Count; i++)
            {
                open += ingress[i].IsOpenToInternet ? 1 : 0;
            }
        }

        return open;
    }

    // A typical web server's group: HTTPS from the world on both families, and SSH from a private
    // block and two narrow public ones (office and VPN), which are pooled with each other. Addresses
    // differ per group, as they do in a real account, so no work is shared between groups.
    private static (SecurityGroupFact, PermissionFact[]) Group(int i)
    {
        var (a, b) = (i % 256, i / 256 % 256);
        return (new SecurityGroupFact { GroupId = $"sg-{i:x17}" },
        [
            Element(IpProtocol.Tcp, 443, SourceKind.Ipv4Cidr, "0.0.0.0/0"),
            Element(IpProtocol.Tcp, 443, SourceKind.Ipv6Cidr, "::/0"),
            Element(IpProtocol.Tcp, 22, SourceKind.Ipv4Cidr, $"10.{a}.{b}.0/24"),
            Element(IpProtocol.Tcp, 22, SourceKind.Ipv4Cidr, $"{52 + (i % 8)}.{a}.0.0/16"),
            Element(IpProtocol.Tcp, 22, SourceKind.Ipv4Cidr, $"{60 + (i % 8)}.{a}.{b / 16 * 16}.0/20"),
        ]);
    }

    private static PermissionFact Element(string protocol, int port, SourceKind kind, string source) => new()
    {
        Direction = TrafficDirection.Ingress,
        Protocol = protocol,
        FromPort = port,
        ToPort = port,
        SourceKind = kind,
        Source = source,
    };
}
