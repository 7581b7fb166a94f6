namespace OpsBot.Cli.Tests;

/// <summary>A policy folder in the temp directory, filled from the shipped policies and fixtures, deleted afterwards.</summary>
internal sealed class TemporaryPolicyFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("opsbot-policies-").FullName;

    private string Tests => System.IO.Path.Combine(Path, "tests");

    /// <summary>Copies shipped policy files by name.</summary>
    public void Copy(params string[] policyFiles)
    {
        foreach (var file in policyFiles)
        {
            File.Copy(System.IO.Path.Combine(RepositoryPaths.Policies, file), System.IO.Path.Combine(Path, file));
        }
    }

    /// <summary>Copies the shipped tests/events and tests/state folders.</summary>
    public void CopyFixtures()
    {
        foreach (var sub in new[] { "events", "state" })
        {
            var target = Directory.CreateDirectory(System.IO.Path.Combine(Tests, sub)).FullName;
            foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Fixture(sub)))
            {
                File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
            }
        }
    }

    /// <summary>Writes a test file into tests/.</summary>
    public void WriteTests(string name, string yaml)
    {
        Directory.CreateDirectory(Tests);
        File.WriteAllText(System.IO.Path.Combine(Tests, name), yaml);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
