using OpsBot.Rules.Policies;
using OpsBot.Rules.Testing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OpsBot.Cli.Commands;

/// <summary>
/// What <c>opsbot test PATH...</c> runs. Each path is a policy folder (its <c>tests/</c> cases), a
/// policy file (the cases in its folder's <c>tests/</c> that concern that policy) or a test file (its
/// cases). The policies loaded are always whole folders, so that a case's expectations about the
/// other policies beside it still hold.
/// </summary>
internal sealed class TestSelection
{
    private readonly List<string> _policyFolders = [];
    private readonly Dictionary<string, HashSet<string>?> _caseFiles = new(StringComparer.Ordinal);

    private TestSelection()
    {
    }

    /// <summary>The policy folders to load.</summary>
    public IReadOnlyList<string> PolicyFolders => _policyFolders;

    /// <summary>The test files to read, in order.</summary>
    public IEnumerable<string> CaseFiles => _caseFiles.Keys.Order(StringComparer.Ordinal);

    /// <summary>Where cases were looked for, for the message when there are none.</summary>
    public List<string> LookedIn { get; } = [];

    /// <summary>The policy ids named on the command line (by file), empty when every case runs.</summary>
    public IEnumerable<string> PolicyIds => _caseFiles.Values.OfType<HashSet<string>>().SelectMany(ids => ids).Distinct().Order(StringComparer.Ordinal);

    /// <summary>Reads <paramref name="paths"/>; an invalid policy file named directly goes to <paramref name="errors"/>.</summary>
    /// <exception cref="InputFileException">A path does not exist, or a test file is not inside a <c>tests/</c> folder.</exception>
    public static TestSelection Resolve(IReadOnlyList<string> paths, List<PolicyError> errors)
    {
        var selection = new TestSelection();
        foreach (var path in PolicyPaths.RequireExisting(paths))
        {
            if (Directory.Exists(path))
            {
                selection.AddFolder(path);
            }
            else if (IsTestFile(path))
            {
                selection.AddPolicyFolder(PolicyFolderOf(path));
                selection.AddCases(path, policyId: null);
            }
            else
            {
                selection.AddPolicyFile(path, errors);
            }
        }

        return selection;
    }

    /// <summary>True when <paramref name="testCase"/>, read from <paramref name="file"/>, was asked for.</summary>
    public bool Includes(string file, PolicyTestCase testCase) =>
        _caseFiles.TryGetValue(file, out var ids) && (ids is null || ids.Any(testCase.Concerns));

    private void AddFolder(string folder)
    {
        // "test policies/tests" means the cases there, against the policies they sit beside.
        var isTests = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))) == PolicyFiles.TestsFolder;
        var policies = isTests ? Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)))! : folder;
        AddPolicyFolder(policies);
        LookedIn.Add(isTests ? folder : Path.Combine(folder, PolicyFiles.TestsFolder));
        var files = isTests
            ? Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories).Where(PolicyFiles.IsYaml)
            : PolicyTestCaseLoader.FindFiles([folder]);
        foreach (var file in files)
        {
            AddCases(file, policyId: null);
        }
    }

    private void AddPolicyFile(string file, List<PolicyError> errors)
    {
        var loaded = new PolicyLoader().Load([file]);
        errors.AddRange(loaded.Errors);
        if (loaded.Policies.Count == 0)
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        AddPolicyFolder(folder);
        LookedIn.Add(Path.Combine(Path.GetDirectoryName(file) ?? "", PolicyFiles.TestsFolder));
        foreach (var testFile in PolicyTestCaseLoader.FindFiles([folder]))
        {
            foreach (var policy in loaded.Policies)
            {
                AddCases(testFile, policy.Id);
            }
        }
    }

    private void AddPolicyFolder(string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (!_policyFolders.Contains(full, StringComparer.Ordinal))
        {
            _policyFolders.Add(full);
        }
    }

    private void AddCases(string file, string? policyId)
    {
        var full = Path.GetFullPath(file);
        if (!_caseFiles.TryGetValue(full, out var ids))
        {
            _caseFiles[full] = policyId is null ? null : [policyId];
        }
        else if (ids is not null)
        {
            if (policyId is null)
            {
                _caseFiles[full] = null;
            }
            else
            {
                ids.Add(policyId);
            }
        }
    }

    private static string PolicyFolderOf(string testFile)
    {
        for (var folder = Path.GetDirectoryName(Path.GetFullPath(testFile)); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (Path.GetFileName(folder) == PolicyFiles.TestsFolder)
            {
                return Path.GetDirectoryName(folder)!;
            }
        }

        throw new InputFileException($"{testFile}: a test file belongs in the tests/ folder beside the policies it tests; none holds this one");
    }

    // A test file is a mapping with a 'cases' list; anything else is taken for a policy, so that
    // the policy loader reports what is wrong with it.
    private static bool IsTestFile(string file)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(file)));
            return stream.Documents is [{ RootNode: YamlMappingNode root }] && root.Children.ContainsKey(new YamlScalarNode("cases"));
        }
        catch (YamlException)
        {
            return false;
        }
    }
}
