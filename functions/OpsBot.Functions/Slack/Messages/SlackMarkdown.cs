using System.Globalization;

namespace OpsBot.Functions.Slack.Messages;

/// <summary>Slack <c>mrkdwn</c> pieces: escaping of untrusted text, mentions, dates and links.</summary>
internal static class SlackMarkdown
{
    /// <summary>
    /// Escapes the three control characters, so text from events (user agents, descriptions, ARNs)
    /// can neither form links nor trigger <c>&lt;!channel&gt;</c>-style mentions.
    /// </summary>
    public static string Escape(string? text) =>
        (text ?? "").Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Inline code of untrusted text, cut to <paramref name="max"/> characters; backticks would end the span, so they are replaced.</summary>
    public static string Code(string? text, int max = 500) =>
        string.IsNullOrEmpty(text) ? "_none_" : "`" + Escape(Blocks.BlockKitLimits.Truncate(text.ReplaceLineEndings(" "), max)).Replace('`', '\'') + "`";

    /// <summary>A mention: <c>&lt;@U…&gt;</c> for users, <c>&lt;!subteam^S…&gt;</c> for user groups.</summary>
    public static string Mention(string id)
    {
        var clean = new string([.. id.Where(char.IsAsciiLetterOrDigit)]);
        return clean.StartsWith('S') ? $"<!subteam^{clean}>" : $"<@{clean}>";
    }

    /// <summary>A date each reader sees in their own time zone, with a UTC fallback.</summary>
    public static string Date(DateTimeOffset at) =>
        $"<!date^{at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}^{{date_short_pretty}} at {{time}}|{at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC>";

    /// <summary>A link; the label is escaped and may not contain the separator.</summary>
    public static string Link(string url, string label) => $"<{url}|{Escape(label).Replace('|', '/')}>";
}
