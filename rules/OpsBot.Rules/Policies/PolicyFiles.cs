namespace OpsBot.Rules.Policies;

/// <summary>Finds policy files: a file as given, or every *.yaml / *.yml under a folder except its <c>tests</c> folders.</summary>
public static class PolicyFiles
{
    /// <summary>The folder name that holds policy test cases, skipped when looking for policies.</summary>
    public const string TestsFolder = "tests";

    /// <summary>The policy files under <paramref name="paths"/>, sorted; missing paths are returned as given so loading reports them.</summary>
    public static IReadOnlyList<string> Find(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
                    .Where(f => IsYaml(f) && !InTests(Path.GetRelativePath(path, f)))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(path);
            }
        }

        return files;
    }

    /// <summary>True for .yaml and .yml files.</summary>
    public static bool IsYaml(string file) =>
        file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static bool InTests(string relative) =>
        relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).SkipLast(1).Contains(TestsFolder);
}
