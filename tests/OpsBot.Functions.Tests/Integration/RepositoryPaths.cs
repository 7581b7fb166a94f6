using OpsBot.Testing;

namespace OpsBot.Functions.Tests.Integration;

/// <summary>Finds the repository's folders from the test output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root => RepositoryRoot.Path;

    public static string Policies => Path.Combine(Root, "policies");

    public static string Fixture(string relative) => Path.Combine(AppContext.BaseDirectory, "Fixtures", relative);
}
