using System.Text.Json;

namespace OpsBot.Cli.Local.Scenarios;

/// <summary>An SNS alert's message as lines a person reads: a JSON message as <c>key: value</c> lines, a text message as its own lines.</summary>
public static class AlertText
{
    private const int MaxLines = 12;

    /// <summary>The lines of <paramref name="message"/>, at most a dozen, blank lines dropped.</summary>
    public static IReadOnlyList<string> Lines(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var lines = TryJson(message) ?? message.Split('\n').Select(l => l.TrimEnd('\r'));
        var kept = lines.Where(l => l.Trim().Length > 0).ToList();
        return kept.Count <= MaxLines ? kept : [.. kept.Take(MaxLines), $"… {kept.Count - MaxLines} more line(s)"];
    }

    private static IEnumerable<string>? TryJson(string message)
    {
        if (!message.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(message);
            var alert = document.RootElement;
            if (!alert.TryGetProperty("policyTitle", out _))
            {
                return [.. alert.EnumerateObject().Select(p => $"{p.Name}: {Plain(p.Value)}")];
            }

            // OpsBot's own alert: said the way a person would tell it, not field by field.
            var actor = alert.TryGetProperty("actor", out var a) && a.ValueKind == JsonValueKind.Object ? Field(a, "arn") : "";
            List<string> lines =
            [
                $"{Field(alert, "policyTitle")} [{Field(alert, "severity")}]",
                $"{Field(alert, "outcome")} ({Field(alert, "mode")}): {Field(alert, "resourceId")} in {Field(alert, "account")}/{Field(alert, "region")} after {Field(alert, "eventName")}{(actor.Length > 0 ? " by " + actor : "")}",
                $"why: {Field(alert, "reason")}",
            ];
            if (alert.TryGetProperty("explanation", out var explanation) && explanation.ValueKind == JsonValueKind.Array)
            {
                lines.AddRange(explanation.EnumerateArray().Select(e => "  - " + Plain(e)));
            }

            lines.Add($"console: {Field(alert, "consoleUrl")}");
            return lines;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Field(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? Plain(value) : "";

    private static string Plain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Plain)),
        JsonValueKind.Object => string.Join(", ", value.EnumerateObject().Select(p => $"{p.Name}={Plain(p.Value)}")),
        _ => value.GetRawText(),
    };
}
