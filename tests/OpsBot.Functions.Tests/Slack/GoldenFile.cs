using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpsBot.Functions.Tests.Slack;

/// <summary>
/// Compares JSON with a golden file under <c>Slack/Golden/</c> in the test project's sources, after
/// normalising both (indented, readable escaping, LF). On a mismatch, or when the golden is missing,
/// the actual JSON is written beside it as <c>NAME.actual.json</c> for review: to accept it, rename it
/// over the golden. No environment variable is needed.
/// </summary>
internal static class GoldenFile
{
    private static readonly JsonSerializerOptions Normal = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Directory { get; } = Locate();

    public static IEnumerable<string> All() => System.IO.Directory.EnumerateFiles(Directory, "*.json").Where(path => !path.EndsWith(".actual.json", StringComparison.Ordinal)).Order();

    public static string Normalise(string json) => JsonNode.Parse(json)!.ToJsonString(Normal).ReplaceLineEndings("\n") + "\n";

    public static void Verify(string name, string actualJson)
    {
        var golden = Path.Combine(Directory, name + ".json");
        var actualPath = Path.Combine(Directory, name + ".actual.json");
        var actual = Normalise(actualJson);
        if (File.Exists(golden) && Normalise(File.ReadAllText(golden)) == actual)
        {
            File.Delete(actualPath);
            return;
        }

        File.WriteAllText(actualPath, actual);
        Assert.Fail(File.Exists(golden)
            ? $"{name}: the message differs from Slack/Golden/{name}.json; the actual JSON is in Slack/Golden/{name}.actual.json (rename it over the golden to accept it)"
            : $"{name}: no golden file yet; the actual JSON is in Slack/Golden/{name}.actual.json (review it and rename it to {name}.json)");
    }

    private static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OpsBot.Functions.Tests.csproj")))
            {
                return Path.Combine(directory.FullName, "Slack", "Golden");
            }
        }

        throw new DirectoryNotFoundException("the test project's sources (OpsBot.Functions.Tests.csproj) were not found above the test output");
    }
}
