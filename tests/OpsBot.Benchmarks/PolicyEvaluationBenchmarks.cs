using BenchmarkDotNet.Attributes;
using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Events;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Policies;

namespace OpsBot.Benchmarks;

/// <summary>
/// Policy evaluation cost: one event against every shipped policy (parse, triage, evaluate on a
/// three-rule group), and the shipped policies against a group of 200 permission elements.
/// </summary>
[MemoryDiagnoser]
public class PolicyEvaluationBenchmarks
{
    private PolicySet _policies = null!;
    private SnapshotEvaluator _snapshot = null!;
    private PolicyEvaluator _evaluator = null!;
    private string _eventJson = "";
    private IReadOnlyList<SecurityGroupFact> _state = [];
    private SecurityGroupFact _large = null!;
    private List<PermissionFact> _largeElements = [];
    private SecurityGroupFact _typical = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = RepositoryRoot();
        _policies = PolicySet.Load(Path.Combine(root, "policies"));
        _snapshot = new SnapshotEvaluator(_policies);
        _evaluator = new PolicyEvaluator(_policies);
        _eventJson = File.ReadAllText(Path.Combine(root, "policies/tests/events/authorize-ssh-https-world.json"));
        _state = SecurityGroupStateReader.Read(File.ReadAllText(Path.Combine(root, "policies/tests/state/sg-ssh-https-world.json")));
        _largeElements = [.. Enumerable.Range(0, 200).Select(LargeGroupElement)];
        _large = SecurityGroupFactBuilder.Build(new SecurityGroupFact { GroupId = "sg-large" }, _largeElements);
        _typical = SecurityGroupFactBuilder.Build(new SecurityGroupFact { GroupId = "sg-typical" },
        [
            Element(443, SourceKind.Ipv4Cidr, "0.0.0.0/0"),
            Element(443, SourceKind.Ipv6Cidr, "::/0"),
            Element(22, SourceKind.Ipv4Cidr, "10.20.30.0/24"),
            Element(22, SourceKind.Ipv4Cidr, "198.51.0.0/16"),
            Element(22, SourceKind.Ipv4Cidr, "203.0.112.0/20"),
        ]);
    }

    /// <summary>
    /// Evaluate every shipped security-group policy on one typical group of 5 permissions (HTTPS from
    /// the world on IPv4 and IPv6, SSH from a private /24 and two narrow public blocks); facts built.
    /// The per-group cost of a sweep or a scan. Goal: 10 µs or less on the JIT.
    /// </summary>
    [Benchmark]
    public async Task<int> ShippedPoliciesOnOneGroupOf5Permissions()
    {
        var result = await _evaluator.EvaluateAsync(_typical);
        return result.Decisions.Count;
    }

    /// <summary>Parse one CloudTrail event, triage it and evaluate every shipped policy on its group.</summary>
    [Benchmark]
    public async Task<int> OneEventAgainstShippedPolicies()
    {
        var evaluation = await _snapshot.EvaluateAsync(CloudTrailEventReader.Read(_eventJson), _state);
        return evaluation.Decisions.Count();
    }

    /// <summary>Evaluate every shipped policy on a group of 200 permission elements (facts already built).</summary>
    [Benchmark]
    public async Task<int> ShippedPoliciesOn200Permissions()
    {
        var result = await _evaluator.EvaluateAsync(_large);
        return result.Decisions.Count;
    }

    /// <summary>Build the facts of a 200-element group: exposure of every element, alone and together.</summary>
    [Benchmark]
    public int BuildFactsFor200Permissions() =>
        SecurityGroupFactBuilder.Build(new SecurityGroupFact { GroupId = "sg-large" }, _largeElements).Ingress.Count;

    private static PermissionFact Element(int port, SourceKind kind, string source) => new()
    {
        Direction = TrafficDirection.Ingress,
        Protocol = IpProtocol.Tcp,
        FromPort = port,
        ToPort = port,
        SourceKind = kind,
        Source = source,
    };

    // A realistic large group: mostly private and narrow public sources on many ports, a few world-open.
    private static PermissionFact LargeGroupElement(int i) => new()
    {
        Direction = TrafficDirection.Ingress,
        Protocol = IpProtocol.Tcp,
        FromPort = 1000 + (i % 50),
        ToPort = 1000 + (i % 50),
        SourceKind = SourceKind.Ipv4Cidr,
        Source = i % 40 == 0 ? "0.0.0.0/0" : i % 2 == 0 ? $"10.{i}.0.0/16" : $"198.{i % 50}.{i}.0/24",
        RuleId = $"sgr-{i:D17}",
    };

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpsBot.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
