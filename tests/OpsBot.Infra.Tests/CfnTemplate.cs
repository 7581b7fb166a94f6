using YamlDotNet.RepresentationModel;

namespace OpsBot.Infra.Tests;

/// <summary>
/// A CloudFormation / SAM template read with YamlDotNet's representation model, which keeps the
/// short-form intrinsic tags (<c>!Ref</c>, <c>!Sub</c>, <c>!GetAtt</c>) as node tags.
/// </summary>
internal sealed class CfnTemplate
{
    private CfnTemplate(string path, YamlMappingNode root)
    {
        Path = path;
        Root = root;
    }

    public string Path { get; }

    public YamlMappingNode Root { get; }

    public YamlMappingNode Resources => Map(Root, "Resources");

    public static CfnTemplate Load(string relativePath)
    {
        var path = Repo.PathOf(relativePath);
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        return new CfnTemplate(relativePath, (YamlMappingNode)stream.Documents.Single().RootNode);
    }

    /// <summary>The <c>Properties</c> of resource <paramref name="logicalId"/>.</summary>
    public YamlMappingNode Properties(string logicalId) => Map(Resource(logicalId), "Properties");

    public YamlMappingNode Resource(string logicalId) =>
        Resources.Children.TryGetValue(new YamlScalarNode(logicalId), out var node) && node is YamlMappingNode map
            ? map
            : throw new Xunit.Sdk.XunitException($"{Path} has no resource '{logicalId}'");

    /// <summary>The logical ids of the resources of <paramref name="type"/>.</summary>
    public IEnumerable<string> ResourcesOfType(string type) =>
        Resources.Children
            .Where(kv => kv.Value is YamlMappingNode r && Scalar(r, "Type") == type)
            .Select(kv => ((YamlScalarNode)kv.Key).Value!);

    public static YamlMappingNode Map(YamlMappingNode parent, string key) =>
        Child(parent, key) as YamlMappingNode ?? throw new Xunit.Sdk.XunitException($"'{key}' is not a mapping at {parent.Start}");

    public static YamlNode? Child(YamlMappingNode parent, string key) =>
        parent.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public static string? Scalar(YamlMappingNode parent, string key) => (Child(parent, key) as YamlScalarNode)?.Value;

    /// <summary>A scalar or a sequence of scalars, as a list.</summary>
    public static IReadOnlyList<string> Strings(YamlNode? node) => node switch
    {
        null => [],
        YamlScalarNode s => [s.Value ?? ""],
        YamlSequenceNode seq => [.. seq.Children.Select(c => (c as YamlScalarNode)?.Value ?? throw new Xunit.Sdk.XunitException($"expected a plain string at {c.Start}"))],
        _ => throw new Xunit.Sdk.XunitException($"expected a string or a list of strings at {node.Start}"),
    };

    /// <summary>
    /// The <c>Statement</c> entries of an IAM policy document; for a conditional entry
    /// (<c>!If [Condition, statement, !Ref AWS::NoValue]</c>) the statements of its branches.
    /// </summary>
    public static IEnumerable<YamlMappingNode> Statements(YamlMappingNode policyDocument) => Child(policyDocument, "Statement") switch
    {
        YamlSequenceNode seq => seq.Children.SelectMany(Branches),
        YamlMappingNode one => [one],
        _ => [],
    };

    /// <summary>True when <paramref name="node"/> is <c>!If [<paramref name="condition"/>, ...]</c>.</summary>
    public static bool IsIf(YamlNode node, string condition) =>
        node is YamlSequenceNode seq && TagOf(seq) == "!If" && seq.Children.Count == 3 && (seq.Children[0] as YamlScalarNode)?.Value == condition;

    /// <summary>The node's short-form intrinsic tag (<c>!Ref</c>, <c>!If</c>), or "" for a plain node.</summary>
    public static string TagOf(YamlNode node) => node.Tag.IsEmpty || node.Tag.IsNonSpecific ? "" : node.Tag.Value;

    private static IEnumerable<YamlMappingNode> Branches(YamlNode node) => node switch
    {
        YamlMappingNode statement => [statement],
        YamlSequenceNode conditional when TagOf(conditional) == "!If" && conditional.Children.Count == 3 => conditional.Children.Skip(1).OfType<YamlMappingNode>(),
        _ => throw new Xunit.Sdk.XunitException($"expected a statement or !If [condition, statement, ...] at {node.Start}"),
    };
}
