using System.Globalization;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using OpsBot.Cli.Local;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Brakes;
using OpsBot.Functions.Aws.Http;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Runner;
using OpsBot.Functions.State;
using OpsBot.Functions.Tests.FaultInjection;
using OpsBot.Functions.Tests.Integration;

namespace OpsBot.Functions.Tests.Delivery;

/// <summary>
/// Drives the real queue runner and event handler against moto through a <see cref="FaultProxy"/>, the
/// way Lambda's event source would: worker processes poll the event queue, failed messages come back
/// after the queue's visibility timeout, and a worker that is killed stops making calls at once (its
/// in-flight and later calls fall into the proxy's black hole). Then counts, from moto itself, what
/// became of every event. Bounded: stops after <see cref="RunLimit"/> however far it got.
/// </summary>
internal sealed class DeliveryWorld : IAsyncDisposable
{
    /// <summary>How long a message stays hidden after a receive; the claim lease ends before it.</summary>
    public static readonly TimeSpan Visibility = TimeSpan.FromSeconds(8);

    /// <summary>Workers running at once, like concurrent Lambda execution environments on one queue.</summary>
    public const int Concurrency = 3;

    /// <summary>The claim lease: a worker's invocation runs 5 s at most, the lease lapses at 6.5 s, before the message reappears.</summary>
    public static readonly ClaimLease Lease = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(6.5));

    /// <summary>The longest a run may take before it stops and counts what it has.</summary>
    public static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(4);

    // Short bounds so a delayed call (1 s) times out, and a message fits its budget with retries.
    private static readonly AwsRetryOptions Retry = new()
    {
        MaxAttempts = 4,
        AttemptTimeout = TimeSpan.FromMilliseconds(600),
        BaseDelay = TimeSpan.FromMilliseconds(50),
        MaxDelay = TimeSpan.FromMilliseconds(300),
        Budget = TimeSpan.FromSeconds(2),
    };

    private readonly RemediationWorld _world;
    private readonly IReadOnlyList<FaultProxy> _proxies;
    private readonly DeliveryScenario _scenario;
    private readonly string _queueUrl;
    private readonly string _deadLetterUrl;
    private readonly string _resultsUrl;
    private readonly string _busName;
    private readonly List<(string EventId, string GroupId)> _events = [];
    private readonly Dictionary<string, AwsServiceCallCounts> _retries = new(StringComparer.Ordinal);
    private int _effectiveRevokes;
    private int _killsLeft;
    private int _workers;
    private int _receives;

    private DeliveryWorld(RemediationWorld world, IReadOnlyList<FaultProxy> proxies, DeliveryScenario scenario, string queueUrl, string deadLetterUrl, string resultsUrl, string busName)
    {
        _world = world;
        _proxies = proxies;
        _killsLeft = scenario.Kills;
        _scenario = scenario;
        _queueUrl = queueUrl;
        _deadLetterUrl = deadLetterUrl;
        _resultsUrl = resultsUrl;
        _busName = busName;
        foreach (var proxy in proxies)
        {
            proxy.Forwarded += (call, status) =>
            {
                if (call.Service == "ec2" && call.Operation.StartsWith("RevokeSecurityGroup", StringComparison.Ordinal) && status == 200)
                {
                    Interlocked.Increment(ref _effectiveRevokes);
                }
            };
        }
    }

    public static async Task<DeliveryWorld> CreateAsync(MotoServer moto, DeliveryScenario scenario)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var busName = "opsbot-results-" + suffix;
        var world = await RemediationWorld.CreateAsync(moto, adjust: s => s with { EventBusName = busName });
        var sqs = world.Sqs;
        var deadLetter = await sqs.CreateQueueAsync("opsbot-dlq-" + suffix);
        var deadLetterArn = (await sqs.GetQueueAttributesAsync(deadLetter.QueueUrl, ["QueueArn"])).QueueARN;
        var queue = await sqs.CreateQueueAsync(new CreateQueueRequest
        {
            QueueName = "opsbot-events-faulted-" + suffix,
            Attributes = new()
            {
                ["VisibilityTimeout"] = ((int)Visibility.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                ["RedrivePolicy"] = $$"""{"deadLetterTargetArn":"{{deadLetterArn}}","maxReceiveCount":"25"}""",
            },
        });
        var results = await sqs.CreateQueueAsync("opsbot-result-events-" + suffix);
        var resultsArn = (await sqs.GetQueueAttributesAsync(results.QueueUrl, ["QueueArn"])).QueueARN;
        using (var bus = new EventBridgeAdmin(new SignedHttpClientFactory(ProxiedClients.Credentials, new AwsEndpoints(new DictionaryEnvironmentVariables(new Dictionary<string, string>()), moto.Endpoint), new SocketsHttpHandler()), RemediationWorld.Region))
        {
            await bus.CreateEventBusAsync(busName, CancellationToken.None);
            await bus.PutRuleAsync(busName, "results", """{"detail-type":["OpsBot Remediation"]}""", CancellationToken.None);
            await bus.PutTargetAsync(busName, "results", "queue", resultsArn, null, CancellationToken.None);
        }

        // One proxy per worker slot, so killing a worker black-holes its calls only.
        var proxies = Enumerable.Range(0, Concurrency).Select(slot => new FaultProxy(moto.Endpoint, Plan(scenario, slot))).ToList();
        var delivery = new DeliveryWorld(world, proxies, scenario, queue.QueueUrl, deadLetter.QueueUrl, results.QueueUrl, busName);
        await delivery.OpenGroupsAndQueueEventsAsync();
        return delivery;
    }

    /// <summary>Runs workers until every message is done or in the dead-letter queue, then counts.</summary>
    public async Task<DeliveryOutcome> RunAsync()
    {
        var started = DateTimeOffset.UtcNow;
        await Task.WhenAll(_proxies.Select(proxy => RunSlotAsync(proxy, started)));
        return await CountAsync(DateTimeOffset.UtcNow - started);
    }

    private static FaultPlan Plan(DeliveryScenario scenario, int slot)
    {
        var plan = new FaultPlan((scenario.Seed * 31) + slot) { Delay = TimeSpan.FromSeconds(1) };
        var everything = Enum.GetValues<FaultKind>();
        foreach (var service in new[] { "ec2", "sts", "dynamodb", "sns", "events" })
        {
            plan.On(service, scenario.FaultProbability, everything);
        }

        return plan;
    }

    // One worker slot, like one concurrent Lambda execution environment: a worker polls until the queue
    // is drained, a new one starts after it (or after it was killed), until nothing is left.
    private async Task RunSlotAsync(FaultProxy proxy, DateTimeOffset started)
    {
        while (DateTimeOffset.UtcNow - started < RunLimit && await MessagesLeftAsync() > 0)
        {
            Interlocked.Increment(ref _workers);
            using var killed = new CancellationTokenSource();
            var dies = _scenario.Kill != WorkerKill.None && Interlocked.Decrement(ref _killsLeft) >= 0;
            void Kill(AwsCall call, int status)
            {
                if (dies && !killed.IsCancellationRequested && status == 200 && IsKillPoint(call))
                {
                    // The call took effect; the worker dies before it reads the answer, mid-whatever it was doing.
                    proxy.BlackHole(true);
                    killed.Cancel();
                }
            }

            proxy.Forwarded += Kill;
            var runtime = Worker(proxy);
            try
            {
                var summary = await runtime.CreateQueueRunner(new QueueRunnerOptions(_queueUrl, Drain: true, BatchSize: 5)).RunAsync(killed.Token);
                Interlocked.Add(ref _receives, summary.Received);
                if (summary.Received == 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1));
                }
            }
            catch (Exception) when (killed.IsCancellationRequested)
            {
                // A dead worker's last calls failed in the black hole; what it left behind is the point.
            }
            finally
            {
                proxy.Forwarded -= Kill;
                runtime.Dispose();
                Accumulate(runtime.AwsCalls);
                proxy.BlackHole(false);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var proxy in _proxies)
        {
            await proxy.DisposeAsync();
        }

        await _world.DisposeAsync();
    }

    private bool IsKillPoint(AwsCall call) => _scenario.Kill switch
    {
        WorkerKill.AfterClaim => call is { Service: "dynamodb", Operation: "PutItem" } && call.Payload.Contains("\"S\":\"CLAIM\"", StringComparison.Ordinal),
        WorkerKill.AfterRevoke => call.Service == "ec2" && call.Operation.StartsWith("RevokeSecurityGroup", StringComparison.Ordinal),
        _ => false,
    };

    // A new process: its own runtime and connections, every AWS call through the proxy.
    private OpsBotRuntime Worker(FaultProxy proxy)
    {
        var settings = _world.Runtime.Settings with
        {
            EndpointUrl = proxy.Endpoint,
            Lease = Lease,
            FunctionTimeout = Lease.FunctionTimeout,
            MessageBudget = Retry.Budget,
            AwsRetry = Retry,

            // These scenarios prove delivery with 50 remediations in one account: the blast-radius limit
            // (20 per account per 10 minutes by default) is raised so every one of them is acted on.
            Brakes = new BrakeSettings(1000, TimeSpan.FromMinutes(10), 1000, TimeSpan.FromMinutes(1)),
        };
        var environment = new DictionaryEnvironmentVariables(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = proxy.Endpoint.ToString() });
        return new OpsBotRuntime(settings, _world.Runtime.Policies, ProxiedClients.Credentials, environment, new SocketsHttpHandler { UseProxy = false }, TimeProvider.System, null, new RecordingDeliveryMetrics());
    }

    private async Task OpenGroupsAndQueueEventsAsync()
    {
        var bodies = new List<string>();
        for (var i = 0; i < _scenario.Events; i++)
        {
            var (groupId, ruleIds) = await _world.CreateGroupAsync($"web{i}", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
            var eventId = $"evt-{i}-{Guid.NewGuid():N}";
            _events.Add((eventId, groupId));
            var body = RemediationPipelineTests.SshAndHttpsEvent(groupId, ruleIds, eventId);
            bodies.Add(body);
            if (i < _scenario.DuplicatedEvents)
            {
                bodies.AddRange(Enumerable.Repeat(body, _scenario.DuplicatesEach));
            }
        }

        var random = new Random(_scenario.Seed);
        var shuffled = bodies.OrderBy(_ => random.Next()).ToList();
        foreach (var chunk in shuffled.Chunk(10))
        {
            await _world.Sqs.SendMessageBatchAsync(new SendMessageBatchRequest(_queueUrl, [.. chunk.Select((b, i) => new SendMessageBatchRequestEntry(i.ToString(CultureInfo.InvariantCulture), b))]));
        }
    }

    private async Task<int> MessagesLeftAsync()
    {
        var attributes = await _world.Sqs.GetQueueAttributesAsync(_queueUrl, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]);
        return attributes.ApproximateNumberOfMessages + attributes.ApproximateNumberOfMessagesNotVisible;
    }

    private async Task<DeliveryOutcome> CountAsync(TimeSpan elapsed)
    {
        var deadLettered = (await DrainAsync(_deadLetterUrl)).Select(EventIdOf).ToHashSet(StringComparer.Ordinal);
        var alerts = (await _world.DrainAlertsAsync()).Select(a => (EventId: a.Message.GetProperty("eventId").GetString()!, Id: a.Message.GetProperty("announcementId").GetString()!)).ToList();
        var results = (await DrainAsync(_resultsUrl)).Select(ResultOf).Where(r => r.Outcome != "").ToList();
        var lostEvents = new List<string>();
        int lost = 0, open = 0, https = 0, remediated = 0, oneAlert = 0, oneResult = 0, givenUp = 0;
        foreach (var (eventId, groupId) in _events)
        {
            var audit = await _world.Runtime.StateStore.ReadAuditAsync(eventId, CancellationToken.None);
            if (audit is not { Provisional: false } && !deadLettered.Contains(eventId))
            {
                lost++;
                lostEvents.Add($"{eventId}: audit {(audit is null ? "none" : $"{audit.Outcome} provisional={audit.Provisional} reason={audit.Reason} errors={string.Join(" | ", audit.Errors)}")}; claim {await ClaimOfAsync(eventId)}");
            }

            var rules = await _world.IngressRulesAsync(groupId);
            open += rules.Any(r => r.FromPort == 22 && r.CidrIpv4 == "0.0.0.0/0") ? 1 : 0;
            https += rules.Any(r => r.FromPort == 443) ? 0 : 1;
            givenUp += audit?.Announcements.Count(a => a.Status == AnnouncementStatus.GivenUp) ?? 0;
            if (audit is { Outcome: AuditOutcome.Remediated })
            {
                remediated++;
                oneAlert += alerts.Where(a => a.EventId == eventId).Select(a => a.Id).Distinct().Count() == 1 ? 1 : 0;
                oneResult += results.Count(r => r.EventId == eventId) >= 1 && results.Where(r => r.EventId == eventId).Select(r => r.Outcome).Distinct().Count() == 1 ? 1 : 0;
            }
        }

        return new DeliveryOutcome
        {
            EventsLost = lost,
            LostEvents = lostEvents,
            InDeadLetterQueue = deadLettered.Count,
            GroupsLeftOpen = open,
            HttpsRulesTouched = https,
            EffectiveRevokes = Volatile.Read(ref _effectiveRevokes),
            Remediated = remediated,
            EventsWithOneAlert = oneAlert,
            EventsWithOneResultEvent = oneResult,
            AlertCopies = alerts.Count - alerts.Select(a => a.Id).Distinct().Count(),
            ResultEventCopies = results.Count - results.Select(r => r.EventId).Distinct().Count(),
            AnnouncementsGivenUp = givenUp,
            Workers = _workers,
            Receives = _receives,
            Faults = Faults(),
            Retries = string.Join(", ", _retries.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value.Calls} calls {s.Value.Retries} retries {s.Value.GivenUp} given up")),
            Elapsed = elapsed,
        };
    }

    private string Faults()
    {
        var injected = _proxies.SelectMany(p => p.Counts.Injected())
            .GroupBy(f => (f.Service, f.Operation, f.Kind))
            .OrderBy(g => g.Key.Service, StringComparer.Ordinal).ThenBy(g => g.Key.Operation, StringComparer.Ordinal).ThenBy(g => g.Key.Kind)
            .Select(g => $"{g.Key.Service} {g.Key.Operation} {g.Key.Kind} {g.Sum(f => f.Count)}");
        return $"seen {_proxies.Sum(p => p.Counts.Seen)}, forwarded {_proxies.Sum(p => p.Counts.Forwarded)}, black-holed {_proxies.Sum(p => p.Counts.BlackHoled)}, faults {_proxies.Sum(p => p.Counts.TotalFaults)}: "
            + string.Join("; ", injected);
    }

    private void Accumulate(AwsCallStatistics worker)
    {
        foreach (var (service, counts) in worker.Snapshot())
        {
            var sum = _retries.GetValueOrDefault(service, AwsServiceCallCounts.None);
            _retries[service] = new AwsServiceCallCounts(sum.Calls + counts.Calls, sum.Attempts + counts.Attempts, sum.Retries + counts.Retries, sum.Succeeded + counts.Succeeded, sum.Failed + counts.Failed, sum.GivenUp + counts.GivenUp, sum.Cancelled + counts.Cancelled);
        }
    }

    private async Task<List<string>> DrainAsync(string queueUrl)
    {
        var bodies = new List<string>();
        var empty = 0;
        while (empty < 2)
        {
            var received = await _world.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queueUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 1 });
            if (received.Messages is not { Count: > 0 } messages)
            {
                empty++;
                continue;
            }

            foreach (var message in messages)
            {
                bodies.Add(message.Body);
                await _world.Sqs.DeleteMessageAsync(queueUrl, message.ReceiptHandle);
            }
        }

        return bodies;
    }

    private async Task<string> ClaimOfAsync(string eventId)
    {
        using var dynamoDb = _world.Runtime.Clients.CreateDynamoDb(RemediationWorld.Region);
        var item = (await dynamoDb.GetItemAsync(new Amazon.DynamoDBv2.Model.GetItemRequest
        {
            TableName = _world.Runtime.Settings.TableName,
            Key = new() { ["pk"] = new("EVENT#" + eventId), ["sk"] = new("CLAIM") },
            ConsistentRead = true,
        })).Item;
        return item is { Count: > 0 } ? string.Join(", ", item.Select(a => $"{a.Key}={a.Value.S ?? a.Value.N}")) : "none";
    }

    private static string EventIdOf(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("id").GetString() ?? "";
    }

    private static (string EventId, string Outcome) ResultOf(string body)
    {
        using var json = JsonDocument.Parse(body);
        var detail = json.RootElement.GetProperty("detail");
        return (detail.GetProperty("eventId").GetString() ?? "", detail.TryGetProperty("outcome", out var outcome) ? outcome.GetString() ?? "" : "");
    }
}
