namespace OpsBot.Testing;

/// <summary>
/// The repository's root (the folder holding OpsBot.sln), found by walking up from the test's
/// output folder. Linked into every test project so the search is written once.
/// </summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The root folder.</summary>
    public static string Path => Root.Value;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "OpsBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OpsBot.sln not found above " + AppContext.BaseDirectory);
    }
}
