namespace OpsBot.Cli.Commands;

/// <summary>The files of a CloudTrail history: files as given, and the <c>.json</c> and <c>.json.gz</c> files under folders, in name order.</summary>
internal static class HistoryFiles
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (path == InputFiles.StandardInput || File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json.gz", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                throw new InputFileException($"{path}: no such file or directory");
            }
        }

        return files;
    }
}
