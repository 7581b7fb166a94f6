using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OpsBot.Rules.Testing;

/// <summary>
/// Loads policy test files (<c>cases:</c> lists in YAML) and reports problems with file:line:col,
/// like the policy loader.
/// </summary>
public static class PolicyTestCaseLoader
{
    private static readonly string[] CaseKeys = ["name", "event", "state", "rules", "expect"];
    private static readonly string[] ExpectKeys = ["skipped", "decisions", "skips", "requested"];
    private static readonly string[] DecisionKeys = ["policy", "action", "mode", "matches"];
    private static readonly string[] SkipKeys = ["policy", "reason"];

    /// <summary>The test files under each policy folder's <c>tests</c> folder (or the files given).</summary>
    public static IReadOnlyList<string> FindFiles(IEnumerable<string> paths) =>
        [.. paths.SelectMany(p =>
            File.Exists(p) ? [p]
            : Directory.Exists(Path.Combine(p, PolicyFiles.TestsFolder))
                ? Directory.EnumerateFiles(Path.Combine(p, PolicyFiles.TestsFolder), "*.*", SearchOption.AllDirectories).Where(PolicyFiles.IsYaml).Order(StringComparer.Ordinal)
                : Enumerable.Empty<string>())];

    /// <summary>Loads every case in <paramref name="file"/>; problems go to <paramref name="errors"/>.</summary>
    public static IReadOnlyList<PolicyTestCase> Load(string file, List<PolicyError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(file)));
        }
        catch (YamlException ex)
        {
            errors.Add(new PolicyError(new SourceLocation(file, (int)ex.Start.Line, (int)ex.Start.Column), $"invalid YAML: {ex.InnerException?.Message ?? ex.Message}"));
            return [];
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new PolicyError(new SourceLocation(file, 1, 1), "a test file is a YAML mapping with a 'cases' list"));
            return [];
        }

        var map = new YamlMapping(root, file, "test file", errors);
        map.RejectUnknownKeys(["cases"]);
        if (map.Get("cases") is not YamlSequenceNode cases)
        {
            map.Error(root, "a test file needs a 'cases' list");
            return [];
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var result = new List<PolicyTestCase>();
        foreach (var node in cases.Children)
        {
            if (node is not YamlMappingNode caseNode)
            {
                map.Error(node, "each case must be a mapping");
                continue;
            }

            var before = errors.Count;
            var testCase = ReadCase(new YamlMapping(caseNode, file, "test case", errors), folder);
            if (testCase is not null && errors.Count == before)
            {
                result.Add(testCase);
            }
        }

        return result;
    }

    private static PolicyTestCase? ReadCase(YamlMapping map, string folder)
    {
        map.RejectUnknownKeys(CaseKeys);
        var name = map.String("name", required: true);
        var eventFile = ReadPath(map, "event", folder, required: true);
        var stateFile = ReadPath(map, "state", folder, required: true);
        var rulesFile = ReadPath(map, "rules", folder, required: false);
        var expect = map.Mapping("expect", required: true, "expect");
        if (name is null || eventFile is null || stateFile is null || expect is null)
        {
            return null;
        }

        expect.RejectUnknownKeys(ExpectKeys);
        SkipReason? skip = null;
        if (expect.String("skipped", required: false) is { } skipped)
        {
            skip = SkipReasonNames.Parse(skipped.Value) ?? Fail<SkipReason?>(expect, skipped.Node, $"'skipped: {skipped.Value}' is not one of: {string.Join(", ", SkipReasonNames.All)}");
        }

        return new PolicyTestCase
        {
            Name = name.Value.Value,
            Location = map.Location,
            EventFile = eventFile,
            StateFile = stateFile,
            RulesFile = rulesFile,
            ExpectedSkip = skip,
            ExpectedDecisions = Items(expect, "decisions").Select(ReadDecision).OfType<ExpectedDecision>().ToList(),
            ExpectedSkips = Items(expect, "skips").Select(ReadSkip).OfType<ExpectedSkip>().ToList(),
            ExpectedRequested = expect.Get("requested") is null ? null : Items(expect, "requested").Select(ReadElement).OfType<ExpectedElement>().ToList(),
        };
    }

    private static ExpectedDecision? ReadDecision(YamlMapping map)
    {
        map.RejectUnknownKeys(DecisionKeys);
        var policy = map.String("policy", required: true);
        var action = map.String("action", required: false);
        RemediationMode? mode = null;
        if (map.String("mode", required: false) is { } m)
        {
            mode = Enum.TryParse<RemediationMode>(m.Value, ignoreCase: true, out var parsed) ? parsed : Fail<RemediationMode?>(map, m.Node, $"'mode: {m.Value}' is not one of: enforce | approve | notify");
        }

        var matches = Items(map, "matches").Select(ReadElement).OfType<ExpectedElement>().ToList();
        return policy is null ? null : new ExpectedDecision(policy.Value.Value, action?.Value, mode, matches);
    }

    private static ExpectedSkip? ReadSkip(YamlMapping map)
    {
        map.RejectUnknownKeys(SkipKeys);
        var policy = map.String("policy", required: true);
        var reason = map.String("reason", required: true);
        if (policy is null || reason is null)
        {
            return null;
        }

        return SkipReasonNames.Parse(reason.Value.Value) is { } r
            ? new ExpectedSkip(policy.Value.Value, r)
            : Fail<ExpectedSkip?>(map, reason.Value.Node, $"'reason: {reason.Value.Value}' is not one of: {string.Join(", ", SkipReasonNames.All)}");
    }

    // Which keys an element has is the resource type's to say, and the case's type is known only
    // once its event is read; the runner reports keys the element's collection does not describe.
    private static ExpectedElement? ReadElement(YamlMapping map)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Node.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && value is YamlScalarNode { Value: { } text })
            {
                values[name] = text;
            }
            else
            {
                map.Error(value, "an expected element is a mapping of names to plain values, e.g. {protocol: tcp, fromPort: 22, toPort: 22, cidr: 0.0.0.0/0}");
                return null;
            }
        }

        if (values.Count == 0)
        {
            map.Error(map.Node, "an expected element needs at least one value");
            return null;
        }

        return new ExpectedElement(values);
    }

    private static string? ReadPath(YamlMapping map, string key, string folder, bool required)
    {
        if (map.String(key, required) is not { } value)
        {
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(folder, value.Value));
        return File.Exists(path) ? path : Fail<string?>(map, value.Node, $"'{key}' file '{value.Value}' does not exist (relative to {folder})");
    }

    private static IEnumerable<YamlMapping> Items(YamlMapping map, string key)
    {
        var node = map.Get(key);
        if (node is null)
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            map.Error(node, $"'{key}' must be a list");
            return [];
        }

        return sequence.Children.OfType<YamlMappingNode>().Select(n => map.Child(n, key)).ToList();
    }

    private static T Fail<T>(YamlMapping map, YamlNode node, string message)
    {
        map.Error(node, message);
        return default!;
    }
}
