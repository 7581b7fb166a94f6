using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace OpsBot.Lambda.Tests.Runtime;

/// <summary>
/// A local HTTP server on 127.0.0.1 that speaks the Lambda Runtime API: hands out queued
/// invocations on /next and records what the runtime posts back.
/// </summary>
internal sealed class FakeRuntimeApi : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Channel<(string RequestId, string Body, long DeadlineMs, string? TraceId)> _pending = Channel.CreateUnbounded<(string, string, long, string?)>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<PostedResult>> _results = new();
    private readonly CancellationTokenSource _stop = new();

    public FakeRuntimeApi()
    {
        var port = FreePort();
        Host = $"127.0.0.1:{port}";
        _listener.Prefixes.Add($"http://{Host}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    /// <summary>The value for AWS_LAMBDA_RUNTIME_API.</summary>
    public string Host { get; }

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
        _listener.Close();
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
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

                await Write(response, 200, next.Body);
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (parts is ["2018-06-01", "runtime", "invocation", var id, var kind] && _results.TryGetValue(id, out var result))
            {
                result.TrySetResult(new PostedResult(kind, body, context.Request.Headers["Lambda-Runtime-Function-Error-Type"]));
                await Write(response, 202, "{\"status\":\"OK\"}");
                return;
            }

            if (path == "/2018-06-01/runtime/init/error")
            {
                InitError.TrySetResult(new PostedResult("init-error", body, context.Request.Headers["Lambda-Runtime-Function-Error-Type"]));
                await Write(response, 202, "{\"status\":\"OK\"}");
                return;
            }

            await Write(response, 404, "{}");
        }
        catch (OperationCanceledException)
        {
            response.Abort();
        }
    }

    private static async Task Write(HttpListenerResponse response, int status, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = "application/json";
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
