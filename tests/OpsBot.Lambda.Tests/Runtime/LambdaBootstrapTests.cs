using System.Text.Json;
using OpsBot.Lambda.Handlers;
using OpsBot.Lambda.Runtime;

namespace OpsBot.Lambda.Tests.Runtime;

public sealed class LambdaBootstrapTests : IDisposable
{
    private readonly FakeRuntimeApi _api = new();
    private readonly SocketsHttpHandler _transport = new();
    private readonly RuntimeApiClient _client;

    public LambdaBootstrapTests() => _client = new RuntimeApiClient(_api.Host, _transport);

    public void Dispose()
    {
        _client.Dispose();
        _transport.Dispose();
        _api.Dispose();
    }

    [Fact]
    public async Task Posts_the_handler_response_for_the_request_id()
    {
        _api.Enqueue("req-1", "{\"n\":1}", DateTimeOffset.UtcNow.AddMinutes(1));

        var exit = await Bootstrap().RunAsync(() => new Handler((body, _) => Task.FromResult(body.Replace("1", "2", StringComparison.Ordinal))), CancellationToken.None, maxInvocations: 1);

        var posted = await _api.ResultOf("req-1");
        Assert.Equal(0, exit);
        Assert.Equal(("response", "{\"n\":2}"), (posted.Kind, posted.Body));
    }

    [Fact]
    public async Task An_exception_becomes_an_invocation_error_and_the_loop_goes_on()
    {
        _api.Enqueue("req-bad", "{}", DateTimeOffset.UtcNow.AddMinutes(1));
        _api.Enqueue("req-good", "{}", DateTimeOffset.UtcNow.AddMinutes(1));
        var calls = 0;

        await Bootstrap().RunAsync(() => new Handler((_, _) => ++calls == 1 ? throw new InvalidOperationException("boom") : Task.FromResult("ok")), CancellationToken.None, maxInvocations: 2);

        var error = await _api.ResultOf("req-bad");
        Assert.Equal("error", error.Kind);
        Assert.Equal("Unhandled", error.ErrorType);
        using var document = JsonDocument.Parse(error.Body);
        Assert.Equal("boom", document.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal("InvalidOperationException", document.RootElement.GetProperty("errorType").GetString());
        Assert.Equal(("response", "ok"), ((await _api.ResultOf("req-good")).Kind, (await _api.ResultOf("req-good")).Body));
    }

    [Fact]
    public async Task A_handler_that_overruns_its_deadline_is_cancelled_and_reported()
    {
        _api.Enqueue("req-slow", "{}", DateTimeOffset.UtcNow.AddMilliseconds(800));

        await Bootstrap().RunAsync(() => new Handler(async (_, token) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), token);
            return "late";
        }), CancellationToken.None, maxInvocations: 1);

        var posted = await _api.ResultOf("req-slow");
        Assert.Equal("error", posted.Kind);
        Assert.Contains("DeadlineExceeded", posted.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_trace_header_is_exposed_to_the_handler()
    {
        _api.Enqueue("req-trace", "{}", DateTimeOffset.UtcNow.AddMinutes(1), "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");

        await Bootstrap().RunAsync(() => new Handler((_, _) => Task.FromResult(Environment.GetEnvironmentVariable(LambdaBootstrap.TraceVariable) ?? "none")), CancellationToken.None, maxInvocations: 1);

        Assert.StartsWith("Root=1-5759e988", (await _api.ResultOf("req-trace")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_that_cannot_be_built_is_reported_as_an_init_error()
    {
        var exit = await Bootstrap().RunAsync(() => throw new InvalidOperationException("OPSBOT_TABLE is not set"), CancellationToken.None);

        var posted = await _api.InitError.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, exit);
        Assert.Contains("OPSBOT_TABLE is not set", posted.Body, StringComparison.Ordinal);
    }

    private LambdaBootstrap Bootstrap() => new(_client, TimeProvider.System);

    private sealed class Handler(Func<string, CancellationToken, Task<string>> handle) : IInvocationHandler
    {
        public Task<string> HandleAsync(string body, DateTimeOffset deadline, CancellationToken cancellationToken) => handle(body, cancellationToken);
    }
}
