using System.Text.Json.Nodes;
using OpsBot.Functions.Slack.Interactions;

namespace OpsBot.Functions.Holds;

/// <summary>The answers to a modal submission that keep the modal open.</summary>
public static class HoldModalAnswer
{
    /// <summary>Shows <paramref name="message"/> under the input <paramref name="blockId"/> (<c>response_action: errors</c>); the modal stays open.</summary>
    public static HttpApiResponse Errors(string blockId, string message) => new(
        200,
        new Dictionary<string, string> { ["content-type"] = "application/json" },
        new JsonObject
        {
            ["response_action"] = "errors",
            ["errors"] = new JsonObject { [blockId] = message.Length <= 150 ? message : message[..149] + "…" },
        }.ToJsonString());
}
