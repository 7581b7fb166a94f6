using System.Text.Json.Serialization;

namespace OpsBot.Functions.Slack.Blocks;

/// <summary>A Block Kit text object: <c>plain_text</c> or <c>mrkdwn</c>.</summary>
/// <param name="Type"><c>plain_text</c> or <c>mrkdwn</c>.</param>
/// <param name="Text">The text.</param>
public sealed record SlackText([property: JsonPropertyName("type")] string Type, string Text)
{
    /// <summary>Plain text (headers, buttons, dialogs).</summary>
    public static SlackText Plain(string text) => new("plain_text", text);

    /// <summary>Slack's markdown (sections, fields, context).</summary>
    public static SlackText Markdown(string text) => new("mrkdwn", text);
}
