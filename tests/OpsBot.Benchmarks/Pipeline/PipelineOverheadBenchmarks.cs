using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using OpsBot.Functions;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Pipeline;
using OpsBot.Rules.Policies;

namespace OpsBot.Benchmarks.Pipeline;

/// <summary>
/// The pipeline's own cost per event, with every AWS call answered by <see cref="AwsStubServer"/> on
/// loopback: OpsBot wired exactly as in Lambda (<see cref="OpsBotRuntime"/>, real SDK clients, SigV4,
/// HTTP), minus the network and the services. The member-account session is assumed once in setup and
/// cached, as it is across the events of a warm Lambda.
/// </summary>
[MemoryDiagnoser]
public class PipelineOverheadBenchmarks
{
    private AwsStubServer _stub = null!;
    private SocketsHttpHandler _transport = null!;
    private OpsBotRuntime _runtime = null!;
    private string _violating = "";
    private string _compliant = "";
    private string _duplicate = "";

    [GlobalSetup]
    public void Setup()
    {
        _stub = AwsStubServer.StartAsync().GetAwaiter().GetResult();
        _transport = new SocketsHttpHandler();
        var environment = new DictionaryEnvironmentVariables(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = _stub.Endpoint.ToString() });
        var settings = new OpsBotSettings
        {
            TableName = "opsbot-state",
            AlertTopicArn = $"arn:aws:sns:us-east-1:{CannedAwsResponses.CentralAccount}:opsbot-alerts",
            EventBusName = "opsbot",
            PolicyPaths = [RepositoryPaths.Policies],
            Region = "us-east-1",
        };
        _runtime = new OpsBotRuntime(settings, PolicySet.Load(RepositoryPaths.Policies), new BasicAWSCredentials("testing", "testing"), environment, _transport, TimeProvider.System);
        _violating = Event("evt-violating", CannedAwsResponses.ViolatingGroup);
        _compliant = Event("evt-compliant", CannedAwsResponses.CompliantGroup);
        _duplicate = Event("dup-delivered-before", CannedAwsResponses.ViolatingGroup);

        Expect(_violating, AuditOutcome.Remediated);
        Expect(_compliant, AuditOutcome.Skipped);
        var before = _stub.Requests;
        var duplicate = _runtime.Pipeline.ProcessAsync(_duplicate, "m-dup", CancellationToken.None).GetAwaiter().GetResult();
        Console.WriteLine($"// duplicate: dropped={duplicate.IsDuplicate}, {_stub.Requests - before} AWS calls per event");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _runtime.Dispose();
        _transport.Dispose();
        _stub.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>SSH opened to the world: claim, read, evaluate, revoke by rule id, re-read, audit, alert, result event.</summary>
    [Benchmark(Baseline = true)]
    public Task<PipelineResult> ViolatingEventRemediated() => _runtime.Pipeline.ProcessAsync(_violating, "m-1", CancellationToken.None);

    /// <summary>An event naming a compliant group: claim, read, evaluate, audit; nothing revoked or announced.</summary>
    [Benchmark]
    public Task<PipelineResult> CompliantEventAudited() => _runtime.Pipeline.ProcessAsync(_compliant, "m-2", CancellationToken.None);

    /// <summary>A redelivered event: the conditional claim fails and the pipeline stops there.</summary>
    [Benchmark]
    public Task<PipelineResult> DuplicateEventDropped() => _runtime.Pipeline.ProcessAsync(_duplicate, "m-3", CancellationToken.None);

    private static string Event(string eventId, string groupId) =>
        RepositoryPaths.Event("authorize-ssh-and-https-world.json", new Dictionary<string, string>
        {
            ["eventId"] = eventId,
            ["account"] = CannedAwsResponses.MemberAccount,
            ["groupId"] = groupId,
            ["sshRuleId"] = CannedAwsResponses.SshRuleId,
            ["httpsRuleId"] = CannedAwsResponses.HttpsRuleId,
        });

    private void Expect(string body, AuditOutcome outcome)
    {
        var before = _stub.Requests;
        var result = _runtime.Pipeline.ProcessAsync(body, "m-setup", CancellationToken.None).GetAwaiter().GetResult();
        var audit = result.Audit ?? throw new InvalidOperationException("the stubbed pipeline dropped the event as a duplicate");
        if (audit.Outcome != outcome || audit.Errors.Count > 0)
        {
            throw new InvalidOperationException($"the stubbed pipeline gave {audit.Outcome} ({audit.Reason}; errors: {string.Join("; ", audit.Errors)}), expected {outcome}");
        }

        Console.WriteLine($"// {outcome}: {audit.Reason} ({_stub.Requests - before} AWS calls per event, first run)");
    }
}
