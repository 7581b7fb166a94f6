using System.Globalization;
using System.Text;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Slack.Blocks;

namespace OpsBot.Functions.Slack.Messages;

/// <summary>The blocks every OpsBot message shares: where, who, what matched and why. Every text is cut to Slack's limits.</summary>
internal static class AlertFactBlocks
{
    /// <summary>Elements listed one per line before the rest are summed up as "and N more".</summary>
    public const int ListedElements = 20;

    /// <summary>Explanation lines listed before the rest are summed up.</summary>
    public const int ListedExplanations = 10;

    /// <summary>Characters an element list may take, leaving room in its section for the rest.</summary>
    public const int ElementsBudget = 1400;

    /// <summary>Longest console link rendered as a link; a longer one (a garbled resource id) is shown as text.</summary>
    public const int MaxLinkLength = 1000;

    public static HeaderBlock Header(SlackAlertFacts facts, string status) =>
        new(SlackText.Plain(BlockKitLimits.Truncate($"[{SeverityWord(facts.Severity)}] {status}: {OneLine(facts.PolicyTitle)}", BlockKitLimits.HeaderText)));

    public static string Fallback(SlackAlertFacts facts, string status) =>
        BlockKitLimits.Truncate($"[{SeverityWord(facts.Severity)}] {status}: {facts.PolicyId} on {facts.ResourceId} in {facts.Account}/{facts.Region}", BlockKitLimits.FallbackText);

    public static IEnumerable<SlackBlock> Facts(SlackAlertFacts facts)
    {
        var eventText = SlackMarkdown.Code(facts.EventName) + (facts.EventTime is { } time ? " at " + SlackMarkdown.Date(time) : "");
        yield return new SectionBlock(null,
        [
            Field("Policy", $"{SlackMarkdown.Escape(OneLine(facts.PolicyTitle))}\n{SlackMarkdown.Code(facts.PolicyId)}"),
            Field("Severity", SeverityWord(facts.Severity)),
            Field("Account", SlackMarkdown.Code(facts.Account)),
            Field("Region", SlackMarkdown.Code(facts.Region)),
            Field("Resource", facts.ConsoleUrl.Length <= MaxLinkLength
                ? SlackMarkdown.Link(facts.ConsoleUrl, BlockKitLimits.Truncate(facts.ResourceId, 200))
                : SlackMarkdown.Code(facts.ResourceId)),
            Field("Event", eventText),
        ]);
        yield return Section(
            "*Who*\n" +
            $"ARN: {SlackMarkdown.Code(facts.Actor.Arn)}\n" +
            $"Source IP: {SlackMarkdown.Code(facts.Actor.SourceIp)}\n" +
            $"User agent: {SlackMarkdown.Code(facts.Actor.UserAgent)}" +
            (facts.Actor.Suspicion is { } suspicion ? $"\n:warning: *{SlackMarkdown.Escape(suspicion)}*" : ""));
        yield return Section(
            (facts.MatchedElements.Count > 0
                ? $"*What matched* ({facts.MatchedElements.Count} element{(facts.MatchedElements.Count == 1 ? "" : "s")})\n{Lines(facts.MatchedElements)}\n"
                : $"*What matched* ({facts.Matched.Count} element{(facts.Matched.Count == 1 ? "" : "s")})\n{Elements(facts.Matched)}\n") +
            $"*Why*\nCondition: {SlackMarkdown.Code(facts.Condition)}\n{Explanation(facts.Explanation)}" +
            (string.IsNullOrWhiteSpace(facts.PolicyDescription) ? "" : $"\n*About this policy*\n{SlackMarkdown.Escape(BlockKitLimits.Truncate(OneLine(facts.PolicyDescription), 600))}"));
    }

    public static SectionBlock Section(string markdown) =>
        new(SlackText.Markdown(BlockKitLimits.Truncate(markdown, BlockKitLimits.SectionText)));

    public static ContextBlock Footer(SlackAlertFacts facts) =>
        new([SlackText.Markdown(BlockKitLimits.Truncate($"OpsBot · mode {SlackMarkdown.Escape(facts.Mode)} · event {SlackMarkdown.Code(facts.EventId)}", BlockKitLimits.ContextText))]);

    /// <summary>One bullet per line of <paramref name="lines"/>, at most <see cref="ListedElements"/>, escaped.</summary>
    public static string Lines(IReadOnlyList<string> lines) =>
        lines.Count == 0 ? "_none_"
        : BlockKitLimits.Truncate(string.Join("\n", lines.Take(ListedElements).Select(l => "• " + SlackMarkdown.Escape(l))) + (lines.Count > ListedElements ? $"\n… and {lines.Count - ListedElements} more" : ""), ElementsBudget);


    /// <summary>
    /// One line per element while they fit in <paramref name="budget"/> characters (and at most
    /// <see cref="ListedElements"/>), then "… and N more": a cut list still says how much was cut.
    /// </summary>
    public static string Elements(IReadOnlyList<AuditPermission> elements, int budget = ElementsBudget)
    {
        if (elements.Count == 0)
        {
            return "_none_";
        }

        var text = new StringBuilder();
        var listed = 0;
        foreach (var element in elements.Take(ListedElements))
        {
            var line = Element(element);
            if (listed > 0 && text.Length + line.Length + 1 > budget)
            {
                break;
            }

            text.Append(BlockKitLimits.Truncate(line, budget)).Append('\n');
            listed++;
        }

        if (elements.Count > listed)
        {
            text.Append("… and ").Append((elements.Count - listed).ToString(CultureInfo.InvariantCulture)).Append(" more\n");
        }

        return text.ToString().TrimEnd('\n');
    }

    private static string Element(AuditPermission element)
    {
        var line = "• " + SlackMarkdown.Code(element.ToString(), 200);
        if (!string.IsNullOrWhiteSpace(element.Description))
        {
            line += " _" + SlackMarkdown.Escape(OneLine(BlockKitLimits.Truncate(element.Description, 100))).Replace('_', ' ') + "_";
        }

        return element.Unconfirmed ? line + " (unconfirmed: EC2 reported it gone)" : line;
    }

    public static string Verification(bool? compliantAfter) => compliantAfter switch
    {
        true => ":white_check_mark: Verified: live state no longer matches the policy.",
        false => ":x: Verification failed: live state still matches the policy.",
        null => "Not verified: nothing was changed.",
    };

    public static string SeverityWord(string severity) => string.IsNullOrWhiteSpace(severity) ? "UNKNOWN" : OneLine(severity).ToUpperInvariant();

    private static SlackText Field(string label, string value) =>
        SlackText.Markdown(BlockKitLimits.Truncate($"*{label}*\n{value}", BlockKitLimits.FieldText));

    private static string Explanation(IReadOnlyList<string> lines)
    {
        var listed = lines.Take(ListedExplanations).Select(line => "> " + SlackMarkdown.Escape(OneLine(BlockKitLimits.Truncate(line, 300))));
        var more = lines.Count > ListedExplanations ? [$"> … and {lines.Count - ListedExplanations} more"] : Array.Empty<string>();
        return string.Join('\n', listed.Concat(more));
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
