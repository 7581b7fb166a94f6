using OpsBot.Testing;

namespace OpsBot.Benchmarks;

/// <summary>Files of the repository the benchmarks read (policies, captured events), found from the build output upwards.</summary>
internal static class RepositoryPaths
{
    public static string Root => RepositoryRoot.Path;

    public static string Policies => Path.Combine(Root, "policies");

    /// <summary>A CloudTrail-shaped EventBridge event from the functions' test fixtures, with each <c>{{key}}</c> replaced.</summary>
    public static string Event(string name, IReadOnlyDictionary<string, string> values)
    {
        var text = File.ReadAllText(Path.Combine(Root, "tests/OpsBot.Functions.Tests/Fixtures/Events", name));
        foreach (var (key, value) in values)
        {
            text = text.Replace("{{" + key + "}}", value, StringComparison.Ordinal);
        }

        // Captured events, re-dated to now: the pipeline refuses events older than its duplicate window.
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        text = System.Text.RegularExpressions.Regex.Replace(text, "\"(time|eventTime)\": \"[0-9T:-]+Z\"", m => $"\"{m.Groups[1].Value}\": \"{now}\"");
        return text.Contains("{{", StringComparison.Ordinal)
            ? throw new InvalidOperationException($"event {name} has a placeholder left: {text}")
            : text;
    }
}
