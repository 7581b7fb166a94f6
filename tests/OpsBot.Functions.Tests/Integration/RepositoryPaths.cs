namespace OpsBot.Functions.Tests.Integration;

/// <summary>Finds the repository's folders from the test output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Policies => Path.Combine(Root, "policies");

    public static string Fixture(string relative) => Path.Combine(AppContext.BaseDirectory, "Fixtures", relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpsBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"OpsBot.sln not found above {AppContext.BaseDirectory}");
    }
}
