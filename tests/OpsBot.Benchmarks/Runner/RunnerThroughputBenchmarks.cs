using OpsBot.Cli.Local;
using System.Globalization;
using Amazon.SQS;
using Amazon.SQS.Model;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using OpsBot.Benchmarks.Moto;
using OpsBot.Functions;
using OpsBot.Functions.Runner;
using OpsBot.Rules.Policies;

namespace OpsBot.Benchmarks.Runner;

/// <summary>
/// Events per second through the local runner against moto: each operation drains a queue of
/// <see cref="EventsPerIteration"/> CloudTrail events, half naming a member-account group with SSH
/// open to the world (revoked, verified, audited, alerted, announced), half naming a group that
/// complies (read, evaluated, audited). Moto is started in setup and stopped in cleanup.
/// </summary>
[MemoryDiagnoser]
[EventsPerSecondColumn]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class RunnerThroughputBenchmarks
{
    public const int EventsPerIteration = 200;

    private readonly List<string> _violating = [];
    private readonly List<string> _compliant = [];
    private MotoServer? _moto;
    private MotoBackend _backend = null!;
    private SocketsHttpHandler _transport = null!;
    private OpsBotRuntime _runtime = null!;
    private IAmazonSQS _sqs = null!;
    private string _queueUrl = "";
    private int _iteration;
    private QueueRunSummary? _last;

    [GlobalSetup]
    public void Setup()
    {
        _moto = new MotoServer();
        try
        {
            SetupAsync().GetAwaiter().GetResult();
        }
        catch
        {
            _moto.Dispose();
            throw;
        }
    }

    [IterationSetup]
    public void Enqueue() => EnqueueAsync().GetAwaiter().GetResult();

    /// <summary>Drains the queue: receive 10, run the pipeline on each, delete what succeeded, until empty.</summary>
    [Benchmark]
    public async Task<QueueRunSummary> DrainMixedEvents()
    {
        _last = await _runtime.CreateQueueRunner(new QueueRunnerOptions(_queueUrl, Drain: true)).RunAsync(CancellationToken.None);
        return _last;
    }

    [IterationCleanup]
    public void Check()
    {
        if (_last is not { Received: EventsPerIteration, Failed: 0 } summary)
        {
            throw new InvalidOperationException($"the runner did not handle {EventsPerIteration} events cleanly: {_last}");
        }

        Console.WriteLine($"// iteration {_iteration}: {summary}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _runtime?.Dispose();
        _sqs?.Dispose();
        _backend?.Dispose();
        _transport?.Dispose();
        _moto?.Dispose();
    }

    private async Task SetupAsync()
    {
        _backend = await MotoBackend.CreateAsync(_moto!.Endpoint);
        _transport = new SocketsHttpHandler();
        _runtime = new OpsBotRuntime(_backend.Settings, PolicySet.Load(RepositoryPaths.Policies), MotoBackend.Credentials, _backend.Environment, _transport, TimeProvider.System);
        _sqs = _backend.Clients.CreateSqs(MotoBackend.Region);
        _queueUrl = (await _sqs.CreateQueueAsync("opsbot-events-" + Guid.NewGuid().ToString("N")[..10])).QueueUrl;
        for (var i = 0; i < EventsPerIteration / 2; i++)
        {
            _violating.Add(await _backend.CreateGroupAsync($"web-open-{i}", (443, "0.0.0.0/0")));
            _compliant.Add(await _backend.CreateGroupAsync($"web-private-{i}", (22, "10.0.0.0/8"), (443, "0.0.0.0/0")));
        }
    }

    private async Task EnqueueAsync()
    {
        _iteration++;
        _last = null;
        var bodies = new List<string>(EventsPerIteration);
        for (var i = 0; i < EventsPerIteration / 2; i++)
        {
            // The previous iteration revoked it: open SSH to the world again.
            var sshRule = await _backend.AuthorizeAsync(_violating[i], 22, "0.0.0.0/0");
            bodies.Add(MotoBackend.AuthorizeEvent($"evt-{_iteration}-open-{i}", _violating[i], sshRule));
            bodies.Add(MotoBackend.AuthorizeEvent($"evt-{_iteration}-private-{i}", _compliant[i]));
        }

        foreach (var chunk in bodies.Chunk(10))
        {
            var response = await _sqs.SendMessageBatchAsync(new SendMessageBatchRequest
            {
                QueueUrl = _queueUrl,
                Entries = [.. chunk.Select((body, i) => new SendMessageBatchRequestEntry(i.ToString(CultureInfo.InvariantCulture), body))],
            });
            if (response.Failed is { Count: > 0 } failed)
            {
                throw new InvalidOperationException($"SQS SendMessageBatch failed: {failed[0].Message}");
            }
        }
    }
}
