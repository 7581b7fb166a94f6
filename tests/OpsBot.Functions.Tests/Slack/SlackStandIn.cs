using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using OpsBot.Cli.Local;

namespace OpsBot.Functions.Tests.Slack;

/// <summary>
/// A real HTTP server on a free 127.0.0.1 port that speaks the Slack Web API shapes:
/// <c>/api/chat.postMessage</c>, <c>/api/chat.update</c>, <c>/api/views.open</c> (bearer token checked, <c>ok</c>/<c>error</c>
/// envelope, <c>channel_not_found</c> for unknown channels), incoming webhooks (<c>/services/…</c>,
/// plain-text <c>ok</c>) and response URLs (<c>/actions/…</c>). Scripted answers can be queued
/// (e.g. a 429 with Retry-After). Every request is recorded with its arrival time by the injected clock.
/// </summary>
internal sealed class SlackStandIn : IAsyncDisposable
{
    private readonly LoopbackHttpServer server;
    private readonly TimeProvider clock;
    private readonly string token;
    private readonly ConcurrentQueue<ScriptedAnswer> script = new();
    private readonly ConcurrentQueue<ReceivedRequest> received = new();
    private int messages;

    public SlackStandIn(TimeProvider clock, string token)
    {
        this.clock = clock;
        this.token = token;
        server = new LoopbackHttpServer(HandleAsync);
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseAddress => server.BaseAddress;

    /// <summary>The Web API base address to configure the client with.</summary>
    public Uri WebApi => new(BaseAddress, "api/");

    /// <summary>Channels that exist; posting elsewhere answers <c>channel_not_found</c>.</summary>
    public ISet<string> Channels { get; } = new HashSet<string>(["C0ALERTS", "C0OTHER"]);

    /// <summary>User groups and their members, for <c>usergroups.users.list</c>.</summary>
    public IDictionary<string, IReadOnlyList<string>> UserGroups { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        ["S0SECOPSGROUP"] = ["U0MEMBEROFGROUP"],
    };

    public IReadOnlyList<ReceivedRequest> Received => [.. received];

    /// <summary>The next request gets this answer instead of the normal one.</summary>
    public void Enqueue(ScriptedAnswer answer) => script.Enqueue(answer);

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private async Task HandleAsync(HttpListenerContext context)
    {
        var body = await LoopbackHttpServer.ReadBodyAsync(context.Request);
        var path = context.Request.Url!.AbsolutePath;
        received.Enqueue(new ReceivedRequest(path, context.Request.Headers["Authorization"], body, clock.GetUtcNow()));
        var answer = script.TryDequeue(out var scripted) ? scripted : Answer(path, context.Request.Headers["Authorization"], body);
        if (answer.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers["Retry-After"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await LoopbackHttpServer.WriteAsync(context.Response, answer.Status, answer.Body, answer.ContentType);
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

        if (path == "/api/usergroups.users.list")
        {
            var group = System.Web.HttpUtility.ParseQueryString(body)["usergroup"] ?? "";
            return UserGroups.TryGetValue(group, out var members)
                ? ScriptedAnswer.Json(new JsonObject { ["ok"] = true, ["users"] = new JsonArray([.. members.Select(m => (JsonNode)m)]) }.ToJsonString())
                : ScriptedAnswer.Json("""{"ok":false,"error":"no_such_subteam"}""");
        }

        var request = JsonNode.Parse(body)!;
        if (path == "/api/views.open")
        {
            return (string?)request["trigger_id"] is { Length: > 0 } && request["view"] is JsonObject
                ? ScriptedAnswer.Json("""{"ok":true,"view":{"id":"V0MODAL"}}""")
                : ScriptedAnswer.Json("""{"ok":false,"error":"invalid_trigger_id"}""");
        }

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
