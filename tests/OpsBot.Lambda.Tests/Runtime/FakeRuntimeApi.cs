using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Threading.Channels;

using OpsBot.Cli.Local;

namespace OpsBot.Lambda.Tests.Runtime;

/// <summary>
/// A local HTTP server on 127.0.0.1 that speaks the Lambda Runtime API: hands out queued
/// invocations on /next and records what the runtime posts back.
/// </summary>
internal sealed class FakeRuntimeApi : IDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly Channel<(string RequestId, string Body, long DeadlineMs, string? TraceId)> _pending = Channel.CreateUnbounded<(string, string, long, string?)>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<PostedResult>> _results = new();
    private readonly CancellationTokenSource _stop = new();

    public FakeRuntimeApi()
    {
        _server = new LoopbackHttpServer(HandleAsync, concurrent: true);
    }

    /// <summary>The value for AWS_LAMBDA_RUNTIME_API.</summary>
    public string Host => _server.HostAndPort;

    public TaskCompletionSource<PostedResult> InitError { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Enqueue(string requestId, string body, DateTimeOffset deadline, string? traceId = null)
    {
        _results[requestId] = new TaskCompletionSource<PostedResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending.Writer.TryWrite((requestId, body, deadline.ToUnixTimeMilliseconds(), traceId));
    }

    public Task<PostedResult> ResultOf(string requestId) => _results[requestId].Task.WaitAsync(TimeSpan.FromSeconds(30));

    public void Dispose()
    {
        _stop.Cancel();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stop.Dispose();
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        var response = context.Response;
        try
        {
            if (context.Request.HttpMethod == "GET" && path == "/2018-06-01/runtime/invocation/next")
            {
                var next = await _pending.Reader.ReadAsync(_stop.Token);
                response.Headers["Lambda-Runtime-Aws-Request-Id"] = next.RequestId;
                response.Headers["Lambda-Runtime-Deadline-Ms"] = next.DeadlineMs.ToString(CultureInfo.InvariantCulture);
                response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:123456789012:function:opsbot-event-handler";
                if (next.TraceId is not null)
                {
                    response.Headers["Lambda-Runtime-Trace-Id"] = next.TraceId;
                }

                await LoopbackHttpServer.WriteAsync(response, 200, next.Body);
                return;
            }

            var body = await LoopbackHttpServer.ReadBodyAsync(context.Request);
            var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (parts is ["2018-06-01", "runtime", "invocation", var id, var kind] && _results.TryGetValue(id, out var result))
            {
                result.TrySetResult(new PostedResult(kind, body, context.Request.Headers["Lambda-Runtime-Function-Error-Type"]));
                await LoopbackHttpServer.WriteAsync(response, 202, "{\"status\":\"OK\"}");
                return;
            }

            if (path == "/2018-06-01/runtime/init/error")
            {
                InitError.TrySetResult(new PostedResult("init-error", body, context.Request.Headers["Lambda-Runtime-Function-Error-Type"]));
                await LoopbackHttpServer.WriteAsync(response, 202, "{\"status\":\"OK\"}");
                return;
            }

            await LoopbackHttpServer.WriteAsync(response, 404, "{}");
        }
        catch (OperationCanceledException)
        {
            response.Abort();
        }
    }
}
