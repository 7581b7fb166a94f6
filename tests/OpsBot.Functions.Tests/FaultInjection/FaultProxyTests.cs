using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.SQS.Model;
using OpsBot.Cli.Local;
using OpsBot.Functions.Tests.Emulator;

namespace OpsBot.Functions.Tests.FaultInjection;

[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class FaultProxyTests(MotoServer moto)
{
    [Fact]
    public async Task Relays_calls_unchanged_when_nothing_is_faulted()
    {
        await using var proxy = new FaultProxy(moto.Endpoint, new FaultPlan(1));
        using var direct = new ProxiedClients(moto.Endpoint);
        using var clients = new ProxiedClients(proxy.Endpoint);
        using var dynamo = clients.DynamoDb();
        var table = await ScratchTable.CreateAsync(direct.DynamoDb());

        var put = await dynamo.PutItemAsync(table.Put("relayed"));
        var read = await dynamo.GetItemAsync(new GetItemRequest { TableName = table.Name, Key = new() { ["id"] = new AttributeValue("relayed") } });

        Assert.Equal("relayed", read.Item["id"].S);
        Assert.False(string.IsNullOrEmpty(put.ResponseMetadata.RequestId));
        Assert.Equal((2, 2, 0), (proxy.Counts.Seen, proxy.Counts.Forwarded, proxy.Counts.TotalFaults));
    }

    [Fact]
    public async Task Never_faults_sqs_when_only_dynamodb_has_a_rule()
    {
        var plan = new FaultPlan(1).On("dynamodb", probability: 1, FaultKind.Throttle, FaultKind.DropBeforeForward, FaultKind.DropAfterForward);
        await using var proxy = new FaultProxy(moto.Endpoint, plan);
        using var clients = new ProxiedClients(proxy.Endpoint);
        using var sqs = clients.Sqs();

        var queue = await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = "untouched-" + Guid.NewGuid().ToString("N") });
        await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = queue.QueueUrl, MessageBody = "hello" });
        var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queue.QueueUrl, MaxNumberOfMessages = 1 });
        await sqs.DeleteQueueAsync(new DeleteQueueRequest { QueueUrl = queue.QueueUrl });

        Assert.Equal("hello", received.Messages.Single().Body);
        Assert.Equal((4, 0), (proxy.Counts.Forwarded, proxy.Counts.TotalFaults));
    }

    [Fact]
    public async Task Bounds_the_injected_faults_by_max_faults()
    {
        await using var proxy = new FaultProxy(moto.Endpoint, new FaultPlan(1) { MaxFaults = 3 }.On("dynamodb", probability: 1, FaultKind.Throttle));
        using var clients = new ProxiedClients(proxy.Endpoint);
        using var dynamo = clients.DynamoDb();

        var outcomes = await OutcomesAsync(dynamo, 8);

        Assert.Equal(3, outcomes.Count(o => o != "ok"));
        Assert.Equal(3, proxy.Counts.TotalFaults);
        Assert.Equal(5, proxy.Counts.Forwarded);
    }

    [Fact]
    public async Task Injects_the_same_faults_for_the_same_seed_through_the_proxy()
    {
        async Task<List<string>> RunAsync()
        {
            await using var proxy = new FaultProxy(moto.Endpoint, new FaultPlan(11).On("dynamodb", probability: 0.5, FaultKind.Throttle, FaultKind.ServerError));
            using var clients = new ProxiedClients(proxy.Endpoint);
            using var dynamo = clients.DynamoDb();
            return await OutcomesAsync(dynamo, 12);
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first, second);
        Assert.Contains("ok", first);
        Assert.Contains(first, o => o != "ok");
    }

    [Fact]
    public async Task Reports_faults_per_service_operation_and_kind()
    {
        var plan = new FaultPlan(1).Always("dynamodb", "ListTables", FaultKind.Throttle).OnceAt("dynamodb", "DescribeLimits", 1, FaultKind.ServerError);
        await using var proxy = new FaultProxy(moto.Endpoint, plan);
        using var clients = new ProxiedClients(proxy.Endpoint);
        using var dynamo = clients.DynamoDb();

        await OutcomesAsync(dynamo, 2);
        await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(() => dynamo.DescribeLimitsAsync(new DescribeLimitsRequest()));

        Assert.Equal([new FaultCount("dynamodb", "DescribeLimits", FaultKind.ServerError, 1), new FaultCount("dynamodb", "ListTables", FaultKind.Throttle, 2)], proxy.Counts.Injected());
        Assert.Equal("seen 3, forwarded 0, black-holed 0, faults 3\ndynamodb DescribeLimits ServerError 1\ndynamodb ListTables Throttle 2", proxy.Counts.ToString());
    }

    [Fact]
    public async Task Raises_forwarded_after_the_call_took_effect_and_before_the_client_gets_the_answer()
    {
        await using var proxy = new FaultProxy(moto.Endpoint, new FaultPlan(1));
        using var release = new ManualResetEventSlim();
        var forwarded = new TaskCompletionSource<AwsCall>(TaskCreationOptions.RunContinuationsAsynchronously);
        proxy.Forwarded += (call, _) =>
        {
            forwarded.TrySetResult(call);
            release.Wait(TimeSpan.FromSeconds(5));
        };
        using var direct = new ProxiedClients(moto.Endpoint);
        using var clients = new ProxiedClients(proxy.Endpoint);
        using var dynamo = clients.DynamoDb();
        var table = await ScratchTable.CreateAsync(direct.DynamoDb());

        var putting = dynamo.PutItemAsync(table.Put("held"));
        var call = await forwarded.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var tookEffect = await table.ContainsAsync("held");
        var answeredWhileHeld = putting.IsCompleted;
        release.Set();
        await putting;

        Assert.Equal(("dynamodb", "PutItem"), (call.Service, call.Operation));
        Assert.True(tookEffect);
        Assert.False(answeredWhileHeld);
    }

    [Fact]
    public async Task Resets_every_call_while_a_black_hole()
    {
        await using var proxy = new FaultProxy(moto.Endpoint, new FaultPlan(1));
        using var clients = new ProxiedClients(proxy.Endpoint);
        using var dynamo = clients.DynamoDb();

        proxy.BlackHole(true);
        await ConnectionFailure.AssertDroppedAsync(() => dynamo.ListTablesAsync(new ListTablesRequest()));
        proxy.BlackHole(false);
        await dynamo.ListTablesAsync(new ListTablesRequest());

        Assert.Equal((2, 1, 1), (proxy.Counts.Seen, proxy.Counts.Forwarded, proxy.Counts.BlackHoled));
    }

    [Fact]
    public async Task Loses_the_answer_of_a_call_in_flight_when_the_black_hole_opens()
    {
        await using var proxy = new FaultProxy(moto.Endpoint, new FaultPlan(1));
        proxy.Forwarded += (_, _) => proxy.BlackHole(true);
        using var direct = new ProxiedClients(moto.Endpoint);
        using var clients = new ProxiedClients(proxy.Endpoint);
        using var dynamo = clients.DynamoDb();
        var table = await ScratchTable.CreateAsync(direct.DynamoDb());

        await ConnectionFailure.AssertDroppedAsync(() => dynamo.PutItemAsync(table.Put("orphan")));

        Assert.True(await table.ContainsAsync("orphan"));
        Assert.Equal((1, 1), (proxy.Counts.Forwarded, proxy.Counts.BlackHoled));
    }

    [Fact]
    public async Task Answers_other_calls_while_one_is_delayed()
    {
        var plan = new FaultPlan(1) { Delay = TimeSpan.FromSeconds(2) }.Always("dynamodb", "DescribeLimits", FaultKind.Delay);
        await using var proxy = new FaultProxy(moto.Endpoint, plan);
        using var clients = new ProxiedClients(proxy.Endpoint);
        using var dynamo = clients.DynamoDb();

        var delayed = dynamo.DescribeLimitsAsync(new DescribeLimitsRequest());
        var clock = Stopwatch.StartNew();
        await dynamo.ListTablesAsync(new ListTablesRequest());
        var other = clock.Elapsed;
        var delayedWasPending = !delayed.IsCompleted;
        await delayed;

        Assert.True(delayedWasPending);
        Assert.True(other < TimeSpan.FromSeconds(1.5), $"the other call took {other}");
    }

    [Fact]
    public async Task Stops_quickly_with_a_delayed_call_in_flight()
    {
        var plan = new FaultPlan(1) { Delay = TimeSpan.FromSeconds(30) }.Always("dynamodb", "ListTables", FaultKind.Delay);
        var proxy = new FaultProxy(moto.Endpoint, plan);
        using var clients = new ProxiedClients(proxy.Endpoint);
        using var dynamo = clients.DynamoDb();
        var listing = dynamo.ListTablesAsync(new ListTablesRequest());
        while (proxy.Counts.Seen == 0 && !listing.IsCompleted)
        {
            await Task.Delay(20);
        }

        var clock = Stopwatch.StartNew();
        await proxy.DisposeAsync();
        var stopping = clock.Elapsed;

        await ConnectionFailure.AssertDroppedAsync(() => listing);
        Assert.True(stopping < TimeSpan.FromSeconds(1.5), $"stopping took {stopping}");
        Assert.Equal(0, proxy.Counts.Forwarded);
    }

    private static async Task<List<string>> OutcomesAsync(AmazonDynamoDBClient dynamo, int calls)
    {
        var outcomes = new List<string>();
        for (var i = 0; i < calls; i++)
        {
            try
            {
                await dynamo.ListTablesAsync(new ListTablesRequest());
                outcomes.Add("ok");
            }
            catch (AmazonDynamoDBException ex)
            {
                outcomes.Add(ex.ErrorCode);
            }
        }

        return outcomes;
    }
}
