namespace OpsBot.Infra.Tests;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class Repo
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding OpsBot.sln.</summary>
    public static string Root => RootPath.Value;

    /// <summary>An absolute path from a repository-relative one.</summary>
    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpsBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds OpsBot.sln");
    }
}
