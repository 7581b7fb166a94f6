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

        return text.Contains("{{", StringComparison.Ordinal)
            ? throw new InvalidOperationException($"event {name} has a placeholder left: {text}")
            : text;
    }
}
