using System.Collections.Concurrent;
using System.Net;
using OpsBot.Cli.Local;

namespace OpsBot.Functions.Tests.Aws;

/// <summary>
/// A real HTTP server on a free 127.0.0.1 port that plays an AWS service: each request gets the next
/// scripted answer (then 200 OK), and is recorded with its signature and body, so retries can be
/// counted and shown to be rebuilt and signed again.
/// </summary>
internal sealed class ScriptedAwsService : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly ConcurrentQueue<ScriptedAwsAnswer> _script = new();
    private readonly ConcurrentQueue<(string Authorization, string Body)> _received = new();

    public ScriptedAwsService(params ScriptedAwsAnswer[] script)
    {
        foreach (var answer in script)
        {
            _script.Enqueue(answer);
        }

        // Concurrent, so a hanging answer does not hold up the retry that follows it.
        _server = new LoopbackHttpServer(HandleAsync, concurrent: true);
    }

    public Uri Endpoint => _server.BaseAddress;

    public IReadOnlyList<(string Authorization, string Body)> Received => [.. _received];

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpListenerContext context)
    {
        var body = await LoopbackHttpServer.ReadBodyAsync(context.Request);
        _received.Enqueue((context.Request.Headers["Authorization"] ?? "", body));
        var answer = _script.TryDequeue(out var scripted) ? scripted : ScriptedAwsAnswer.Ok();
        if (answer.Drop)
        {
            // HttpListener answers 200 to a bare Abort; promising a body and cutting it short is a
            // connection lost mid-answer, as the client sees it.
            context.Response.ContentLength64 = 1000;
            await context.Response.OutputStream.WriteAsync(new byte[10]);
            context.Response.Abort();
            return;
        }

        if (answer.Hang > TimeSpan.Zero)
        {
            await Task.Delay(answer.Hang);
        }

        try
        {
            await LoopbackHttpServer.WriteAsync(context.Response, answer.Status, answer.Body, "application/x-amz-json-1.1");
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The client gave up on a hanging answer and closed the connection.
        }
    }
}
