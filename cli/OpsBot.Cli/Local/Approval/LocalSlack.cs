using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OpsBot.Cli.Local.Approval;

/// <summary>
/// A local stand-in for Slack on a free 127.0.0.1 port: answers <c>chat.postMessage</c> and
/// <c>chat.update</c> under <see cref="WebApi"/> (bearer token checked, Slack's <c>ok</c>/<c>error</c>
/// envelope) and response URLs under <c>/actions/</c>, and prints every message it receives as a
/// person would read it in the channel: header, text, fields and buttons.
/// </summary>
public sealed partial class LocalSlack : IAsyncDisposable
{
    private readonly TextWriter _output;
    private readonly string _token;
    private readonly LoopbackHttpServer _server;
    private readonly ConcurrentQueue<LocalSlackMessage> _messages = new();
    private readonly object _printing = new();
    private int _posted;

    /// <summary>Starts the stand-in; it accepts <paramref name="botToken"/> and prints to <paramref name="output"/>.</summary>
    public LocalSlack(TextWriter output, string botToken)
    {
        _output = output;
        _token = botToken;
        _server = new LoopbackHttpServer(HandleAsync);
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The Web API base address to configure OpsBot with.</summary>
    public Uri WebApi => new(BaseAddress, "api/");

    /// <summary>Every message received so far, in order.</summary>
    public IReadOnlyList<LocalSlackMessage> Messages => [.. _messages];

    /// <summary>A fresh response URL, as Slack puts into each interaction payload.</summary>
    public Uri NewResponseUrl() => new(BaseAddress, $"actions/T0LOCAL/{Guid.NewGuid():N}");

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpListenerContext context)
    {
        var body = await LoopbackHttpServer.ReadBodyAsync(context.Request);
        var (status, answer) = Answer(context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], body);
        await LoopbackHttpServer.WriteAsync(context.Response, status, answer);
    }

    private (int Status, string Body) Answer(string path, string? authorization, string body)
    {
        JsonObject request;
        try
        {
            request = JsonNode.Parse(body) as JsonObject ?? throw new FormatException();
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException)
        {
            return (400, """{"ok":false,"error":"invalid_json"}""");
        }

        if (path.StartsWith("/actions/", StringComparison.Ordinal))
        {
            Receive(new LocalSlackMessage("response_url", "", "", request));
            return (200, """{"ok":true}""");
        }

        if (authorization != "Bearer " + _token)
        {
            return (200, """{"ok":false,"error":"invalid_auth"}""");
        }

        var channel = (string?)request["channel"] ?? "";
        switch (path)
        {
            case "/api/chat.postMessage":
                var ts = $"1700000000.{Interlocked.Increment(ref _posted).ToString("D6", CultureInfo.InvariantCulture)}";
                Receive(new LocalSlackMessage("chat.postMessage", channel, ts, request));
                return (200, $$"""{"ok":true,"channel":"{{channel}}","ts":"{{ts}}"}""");
            case "/api/chat.update":
                var updated = (string?)request["ts"] ?? "";
                Receive(new LocalSlackMessage("chat.update", channel, updated, request));
                return (200, $$"""{"ok":true,"channel":"{{channel}}","ts":"{{updated}}"}""");
            default:
                return (404, """{"ok":false,"error":"unknown_method"}""");
        }
    }

    private void Receive(LocalSlackMessage message)
    {
        _messages.Enqueue(message);
        lock (_printing)
        {
            Print(message);
        }
    }

    private void Print(LocalSlackMessage message)
    {
        var where = message.Method switch
        {
            "chat.postMessage" => $"new message in #{message.Channel} (ts {message.Ts})",
            "chat.update" => $"message {message.Ts} in #{message.Channel} replaced",
            _ => (string?)message.Body["response_type"] == "ephemeral" ? "private reply to the clicker" : "clicked message replaced (response_url)",
        };
        _output.WriteLine($"  ┌─ slack: {message.Method}: {where}");
        foreach (var block in message.Body["blocks"] as JsonArray ?? [])
        {
            foreach (var line in Render(block))
            {
                _output.WriteLine($"  │ {line}");
            }
        }

        _output.WriteLine("  └─");
    }

    private static IEnumerable<string> Render(JsonNode? block)
    {
        switch ((string?)block?["type"])
        {
            case "header":
                yield return "▌ " + Plain((string?)block!["text"]?["text"]);
                break;
            case "section":
                foreach (var line in Plain((string?)block!["text"]?["text"]).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    yield return line;
                }

                foreach (var field in block["fields"] as JsonArray ?? [])
                {
                    yield return "  " + Plain((string?)field?["text"]).Replace('\n', ' ');
                }

                break;
            case "context":
                yield return string.Join("  ·  ", (block!["elements"] as JsonArray ?? []).Select(e => Plain((string?)e?["text"])));
                break;
            case "actions":
                yield return string.Join("  ", (block!["elements"] as JsonArray ?? []).Select(e => $"[ {Plain((string?)e?["text"]?["text"])} ]"));
                break;
            case "divider":
                yield return "────";
                break;
        }
    }

    /// <summary>Slack mrkdwn as plain text: dates and links show their label, mentions their id, escapes are undone.</summary>
    private static string Plain(string? mrkdwn)
    {
        var text = SlackDate().Replace(mrkdwn ?? "", m => m.Groups["fallback"].Value);
        text = SlackLink().Replace(text, m => m.Groups["label"].Success ? m.Groups["label"].Value : m.Groups["target"].Value);
        return text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<!date\^[^|>]*\|(?<fallback>[^>]*)>")]
    private static partial Regex SlackDate();

    [GeneratedRegex(@"<(?<target>[@#!]?[^|>]+)(\|(?<label>[^>]*))?>")]
    private static partial Regex SlackLink();
}
