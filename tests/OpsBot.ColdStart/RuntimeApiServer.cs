using System.Diagnostics;
using System.Globalization;
using System.Net;

using OpsBot.Cli.Local;

namespace OpsBot.ColdStart;

/// <summary>
/// A Lambda Runtime API on 127.0.0.1 serving exactly one invocation: the first <c>/next</c> gets it,
/// later ones are held open (as Lambda does between invocations) until the server is disposed. Records
/// when the process first asked for work (its init is done) and when it posted the response.
/// </summary>
internal sealed class RuntimeApiServer : IDisposable
{
    public const string RequestId = "cold-start-0001";

    private readonly LoopbackHttpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly string _invocation;
    private int _served;

    public RuntimeApiServer(string invocation)
    {
        _invocation = invocation;
        _server = new LoopbackHttpServer(HandleAsync, concurrent: true);
    }

    /// <summary>The value for <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Host => _server.HostAndPort;

    /// <summary>Stopwatch timestamp of the first <c>/next</c>.</summary>
    public TaskCompletionSource<long> FirstNext { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Stopwatch timestamp and body of the posted response (or of an error, with its kind).</summary>
    public TaskCompletionSource<(long At, string Kind, string Body)> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Dispose()
    {
        _stop.Cancel();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stop.Dispose();
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var at = Stopwatch.GetTimestamp();
        var path = context.Request.Url!.AbsolutePath;
        var response = context.Response;
        try
        {
            if (path == "/2018-06-01/runtime/invocation/next")
            {
                FirstNext.TrySetResult(at);
                if (Interlocked.Increment(ref _served) > 1)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }

                response.Headers["Lambda-Runtime-Aws-Request-Id"] = RequestId;
                response.Headers["Lambda-Runtime-Deadline-Ms"] = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:123456789012:function:opsbot-event-handler";
                response.Headers["Lambda-Runtime-Trace-Id"] = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
                await LoopbackHttpServer.WriteAsync(response, 200, _invocation);
                return;
            }

            var body = await LoopbackHttpServer.ReadBodyAsync(context.Request);
            var kind = path.EndsWith("/response", StringComparison.Ordinal) ? "response"
                : path.EndsWith("/error", StringComparison.Ordinal) ? (path.Contains("/init/", StringComparison.Ordinal) ? "init-error" : "error")
                : null;
            if (kind is null)
            {
                await LoopbackHttpServer.WriteAsync(response, 404, "{}");
                return;
            }

            Result.TrySetResult((at, kind, body));
            await LoopbackHttpServer.WriteAsync(response, 202, "{\"status\":\"OK\"}");
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
            response.Abort();
        }
    }
}
