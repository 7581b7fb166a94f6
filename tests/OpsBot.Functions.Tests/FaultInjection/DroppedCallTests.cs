using System.Diagnostics;
using OpsBot.Cli.Local;
using OpsBot.Functions.Tests.Emulator;

namespace OpsBot.Functions.Tests.FaultInjection;

[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class DroppedCallTests(MotoServer moto)
{
    [Fact]
    public async Task Drops_a_put_item_before_it_reaches_moto()
    {
        await using var proxy = new FaultProxy(moto.Endpoint, new FaultPlan(1).Always("dynamodb", "PutItem", FaultKind.DropBeforeForward));
        using var direct = new ProxiedClients(moto.Endpoint);
        using var clients = new ProxiedClients(proxy.Endpoint);
        using var dynamo = clients.DynamoDb();
        var table = await ScratchTable.CreateAsync(direct.DynamoDb());

        await ConnectionFailure.AssertDroppedAsync(() => dynamo.PutItemAsync(table.Put("lost")));

        Assert.False(await table.ContainsAsync("lost"));
        Assert.Equal((1, 0, 1), (proxy.Counts.Seen, proxy.Counts.Forwarded, proxy.Counts.Faults("dynamodb", "PutItem", FaultKind.DropBeforeForward)));
    }

    [Fact]
    public async Task Drops_the_answer_of_a_put_item_that_took_effect()
    {
        await using var proxy = new FaultProxy(moto.Endpoint, new FaultPlan(1).Always("dynamodb", "PutItem", FaultKind.DropAfterForward));
        using var direct = new ProxiedClients(moto.Endpoint);
        using var clients = new ProxiedClients(proxy.Endpoint);
        using var dynamo = clients.DynamoDb();
        var table = await ScratchTable.CreateAsync(direct.DynamoDb());

        await ConnectionFailure.AssertDroppedAsync(() => dynamo.PutItemAsync(table.Put("kept")));

        Assert.True(await table.ContainsAsync("kept"));
        Assert.Equal((1, 1), (proxy.Counts.Seen, proxy.Counts.Forwarded));
    }

    [Fact]
    public async Task The_sdk_resends_a_put_item_whose_connection_was_reset_ten_times_even_with_no_error_retries()
    {
        await using var proxy = new FaultProxy(moto.Endpoint, new FaultPlan(1).Always("dynamodb", "PutItem", FaultKind.DropAfterForward));
        using var direct = new ProxiedClients(moto.Endpoint);
        using var clients = new ProxiedClients(proxy.Endpoint);
        using var dynamo = clients.DynamoDb(retries: 0, resends: null);
        var table = await ScratchTable.CreateAsync(direct.DynamoDb());

        await ConnectionFailure.AssertDroppedAsync(() => dynamo.PutItemAsync(table.Put("eleven")));

        Assert.Equal((11, 11), (proxy.Counts.Seen, proxy.Counts.Forwarded));
    }

    [Fact]
    public async Task The_sdk_resends_a_put_item_whose_answer_was_dropped_and_reports_success()
    {
        await using var proxy = new FaultProxy(moto.Endpoint, new FaultPlan(1).OnceAt("dynamodb", "PutItem", 1, FaultKind.DropAfterForward));
        using var direct = new ProxiedClients(moto.Endpoint);
        using var clients = new ProxiedClients(proxy.Endpoint);
        using var dynamo = clients.DynamoDb(retries: 0, resends: null);
        var table = await ScratchTable.CreateAsync(direct.DynamoDb());

        await dynamo.PutItemAsync(table.Put("twice"));

        Assert.True(await table.ContainsAsync("twice"));
        Assert.Equal((2, 2), (proxy.Counts.Seen, proxy.Counts.Forwarded));
    }

    [Fact]
    public async Task The_sdk_spends_error_retries_on_a_reset_connection_when_resends_are_off()
    {
        await using var proxy = new FaultProxy(moto.Endpoint, new FaultPlan(1).OnceAt("dynamodb", "PutItem", 1, FaultKind.DropBeforeForward));
        using var direct = new ProxiedClients(moto.Endpoint);
        using var clients = new ProxiedClients(proxy.Endpoint);
        using var dynamo = clients.DynamoDb(retries: 1, resends: 0);
        var table = await ScratchTable.CreateAsync(direct.DynamoDb());

        await dynamo.PutItemAsync(table.Put("retried"));

        Assert.True(await table.ContainsAsync("retried"));
        Assert.Equal((2, 1), (proxy.Counts.Seen, proxy.Counts.Forwarded));
    }

    [Fact]
    public async Task Delays_a_call_past_the_client_timeout_and_still_delivers_it()
    {
        var plan = new FaultPlan(1) { Delay = TimeSpan.FromSeconds(2) }.Always("dynamodb", "PutItem", FaultKind.Delay);
        await using var proxy = new FaultProxy(moto.Endpoint, plan);
        var delivered = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        proxy.Forwarded += (_, status) => delivered.TrySetResult(status);
        using var direct = new ProxiedClients(moto.Endpoint);
        using var clients = new ProxiedClients(proxy.Endpoint);
        using var dynamo = clients.DynamoDb(timeout: TimeSpan.FromSeconds(1));
        var table = await ScratchTable.CreateAsync(direct.DynamoDb());
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => dynamo.PutItemAsync(table.Put("late")));
        var gaveUpAfter = clock.Elapsed;
        var status = await delivered.Task.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(error is OperationCanceledException or TimeoutException || error.InnerException is TimeoutException, error.ToString());
        Assert.InRange(gaveUpAfter, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(1.9));
        Assert.Equal(200, status);
        Assert.True(await table.ContainsAsync("late"));
    }
}
