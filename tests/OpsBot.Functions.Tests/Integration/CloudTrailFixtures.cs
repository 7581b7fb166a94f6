namespace OpsBot.Functions.Tests.Integration;

/// <summary>
/// CloudTrail-shaped EventBridge events from the fixture files, with the test's ids filled in and
/// re-dated to now, as if just delivered (the pipeline refuses events older than the window in which
/// it recognises duplicates).
/// </summary>
internal static partial class CloudTrailFixtures
{
    /// <summary>Reads <c>Fixtures/Events/{name}</c>, replaces each <c>{{key}}</c> with its value and sets its times to now.</summary>
    public static string Event(string name, IReadOnlyDictionary<string, string> values)
    {
        var text = File.ReadAllText(RepositoryPaths.Fixture(Path.Combine("Events", name)));
        foreach (var (key, value) in values)
        {
            text = text.Replace("{{" + key + "}}", value, StringComparison.Ordinal);
        }

        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        text = EventTime().Replace(text, m => $"\"{m.Groups["name"].Value}\": \"{now}\"");

        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        return text;
    }

    [System.Text.RegularExpressions.GeneratedRegex("\"(?<name>time|eventTime)\": \"[0-9T:-]+Z\"")]
    private static partial System.Text.RegularExpressions.Regex EventTime();
}
