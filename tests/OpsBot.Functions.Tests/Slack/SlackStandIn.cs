using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace OpsBot.Functions.Tests.Slack;

/// <summary>
/// A real HTTP server on a free 127.0.0.1 port that speaks the Slack Web API shapes:
/// <c>/api/chat.postMessage</c> and <c>/api/chat.update</c> (bearer token checked, <c>ok</c>/<c>error</c>
/// envelope, <c>channel_not_found</c> for unknown channels), incoming webhooks (<c>/services/…</c>,
/// plain-text <c>ok</c>) and response URLs (<c>/actions/…</c>). Scripted answers can be queued
/// (e.g. a 429 with Retry-After). Every request is recorded with its arrival time by the injected clock.
/// </summary>
internal sealed class SlackStandIn : IAsyncDisposable
{
    private readonly HttpListener listener;
    private readonly Task loop;
    private readonly TimeProvider clock;
    private readonly string token;
    private readonly ConcurrentQueue<ScriptedAnswer> script = new();
    private readonly ConcurrentQueue<ReceivedRequest> received = new();
    private int messages;

    public SlackStandIn(TimeProvider clock, string token)
    {
        this.clock = clock;
        this.token = token;
        (listener, BaseAddress) = Start();
        loop = Task.Run(ServeAsync);
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The Web API base address to configure the client with.</summary>
    public Uri WebApi => new(BaseAddress, "api/");

    /// <summary>Channels that exist; posting elsewhere answers <c>channel_not_found</c>.</summary>
    public ISet<string> Channels { get; } = new HashSet<string>(["C0ALERTS", "C0OTHER"]);

    public IReadOnlyList<ReceivedRequest> Received => [.. received];

    /// <summary>The next request gets this answer instead of the normal one.</summary>
    public void Enqueue(ScriptedAnswer answer) => script.Enqueue(answer);

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        try
        {
            await loop;
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
        {
        }
    }

    private static (HttpListener Listener, Uri Address) Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var address = new Uri($"http://127.0.0.1:{port}/");
            var candidate = new HttpListener();
            candidate.Prefixes.Add(address.ToString());
            try
            {
                candidate.Start();
                return (candidate, address);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                candidate.Close();
            }
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var path = context.Request.Url!.AbsolutePath;
            received.Enqueue(new ReceivedRequest(path, context.Request.Headers["Authorization"], body, clock.GetUtcNow()));
            var answer = script.TryDequeue(out var scripted) ? scripted : Answer(path, context.Request.Headers["Authorization"], body);
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = answer.ContentType;
            if (answer.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers["Retry-After"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private ScriptedAnswer Answer(string path, string? authorization, string body)
    {
        if (path.StartsWith("/services/", StringComparison.Ordinal))
        {
            return new ScriptedAnswer(200, "ok", "text/plain");
        }

        if (path.StartsWith("/actions/", StringComparison.Ordinal))
        {
            return ScriptedAnswer.Json("""{"ok":true}""");
        }

        if (authorization != $"Bearer {token}")
        {
            return ScriptedAnswer.Json(authorization is null ? """{"ok":false,"error":"not_authed"}""" : """{"ok":false,"error":"invalid_auth"}""");
        }

        var request = JsonNode.Parse(body)!;
        var channel = (string?)request["channel"] ?? "";
        if (!Channels.Contains(channel))
        {
            return ScriptedAnswer.Json("""{"ok":false,"error":"channel_not_found"}""");
        }

        return path switch
        {
            "/api/chat.postMessage" => ScriptedAnswer.Json($$"""{"ok":true,"channel":"{{channel}}","ts":"1700000000.{{Interlocked.Increment(ref messages):D6}}"}"""),
            "/api/chat.update" => ScriptedAnswer.Json($$"""{"ok":true,"channel":"{{channel}}","ts":"{{(string?)request["ts"]}}","text":"…"}"""),
            _ => new ScriptedAnswer(404, """{"ok":false,"error":"unknown_method"}""", "application/json"),
        };
    }
}
