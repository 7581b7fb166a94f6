namespace OpsBot.Functions.Tests.Integration;

/// <summary>CloudTrail-shaped EventBridge events from the fixture files, with the test's ids filled in.</summary>
internal static class CloudTrailFixtures
{
    /// <summary>Reads <c>Fixtures/Events/{name}</c> and replaces each <c>{{key}}</c> with its value.</summary>
    public static string Event(string name, IReadOnlyDictionary<string, string> values)
    {
        var text = File.ReadAllText(RepositoryPaths.Fixture(Path.Combine("Events", name)));
        foreach (var (key, value) in values)
        {
            text = text.Replace("{{" + key + "}}", value, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        return text;
    }
}
