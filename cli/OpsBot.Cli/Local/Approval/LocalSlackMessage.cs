using System.Text.Json.Nodes;

namespace OpsBot.Cli.Local.Approval;

/// <summary>A message the local Slack stand-in received.</summary>
/// <param name="Method"><c>chat.postMessage</c>, <c>chat.update</c> or <c>response_url</c>.</param>
/// <param name="Channel">The channel (empty for response URLs).</param>
/// <param name="Ts">The message's ts: assigned for a post, the updated one for an update, empty for response URLs.</param>
/// <param name="Body">The request JSON as sent.</param>
public sealed record LocalSlackMessage(string Method, string Channel, string Ts, JsonObject Body)
{
    /// <summary>The <c>value</c> of the button with <paramref name="actionId"/>, or null when the message has none.</summary>
    public string? ButtonValue(string actionId) =>
        (Body["blocks"] as JsonArray ?? [])
            .Where(b => (string?)b?["type"] == "actions")
            .SelectMany(b => b!["elements"] as JsonArray ?? [])
            .Where(e => (string?)e?["action_id"] == actionId)
            .Select(e => (string?)e!["value"])
            .FirstOrDefault();

    /// <summary>Every text of the message, joined, for checks such as "does it say who approved".</summary>
    public string AllText() => string.Join("\n", Texts(Body));

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "text" && p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? [s] : Texts(p.Value)),
        JsonArray a => a.SelectMany(Texts),
        _ => [],
    };
}
