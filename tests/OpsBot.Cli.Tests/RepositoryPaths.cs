using OpsBot.Testing;

namespace OpsBot.Cli.Tests;

/// <summary>Locates the repository (the folder holding OpsBot.sln) from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root => RepositoryRoot.Path;

    public static string Policies => Path.Combine(Root, "policies");

    public static string Fixture(string relative) => Path.Combine(Policies, "tests", relative);
}
