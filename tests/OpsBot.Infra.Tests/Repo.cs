using OpsBot.Testing;

namespace OpsBot.Infra.Tests;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class Repo
{
    /// <summary>The folder holding OpsBot.sln.</summary>
    public static string Root => RepositoryRoot.Path;

    /// <summary>An absolute path from a repository-relative one.</summary>
    public static string PathOf(string relative) => Path.Combine(Root, relative);
}
