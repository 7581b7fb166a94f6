using OpsBot.Rules.Policies;
using YamlDotNet.RepresentationModel;

namespace OpsBot.Rules.Yaml;

/// <summary>
/// A YAML mapping read key by key, reporting every problem (missing, unknown or mistyped keys)
/// with its file, line and column instead of stopping at the first.
/// </summary>
internal sealed class YamlMapping
{
    private readonly YamlMappingNode _node;
    private readonly string _what;
    private readonly List<PolicyError> _errors;

    public YamlMapping(YamlMappingNode node, string file, string what, List<PolicyError> errors)
    {
        _node = node;
        File = file;
        _what = what;
        _errors = errors;
    }

    public string File { get; }

    public SourceLocation Location => Where(_node);

    /// <summary>The mapping node itself, for readers whose keys are not fixed.</summary>
    public YamlMappingNode Node => _node;

    public SourceLocation Where(YamlNode node) => new(File, (int)node.Start.Line, (int)node.Start.Column);

    public void Error(YamlNode node, string message) => _errors.Add(new PolicyError(Where(node), message));

    public void ErrorAt(SourceLocation location, string message) => _errors.Add(new PolicyError(location, message));

    public YamlNode? Get(string key) =>
        _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public (string Value, YamlScalarNode Node)? String(string key, bool required)
    {
        var node = Get(key);
        if (node is null)
        {
            if (required)
            {
                Error(_node, $"{_what} is missing required key '{key}'");
            }

            return null;
        }

        if (node is not YamlScalarNode scalar || string.IsNullOrWhiteSpace(scalar.Value))
        {
            Error(node, $"'{key}' must be a non-empty string, found {Describe(node)}");
            return null;
        }

        return (scalar.Value!, scalar);
    }

    public IReadOnlyList<(string Value, YamlScalarNode Node)>? StringList(string key, bool required)
    {
        var node = Get(key);
        if (node is null)
        {
            if (required)
            {
                Error(_node, $"{_what} is missing required key '{key}'");
            }

            return null;
        }

        if (node is YamlScalarNode single && !string.IsNullOrWhiteSpace(single.Value))
        {
            return [(single.Value!, single)];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"'{key}' must be a list of strings, found {Describe(node)}");
            return null;
        }

        var items = new List<(string, YamlScalarNode)>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value))
            {
                items.Add((scalar.Value!, scalar));
            }
            else
            {
                Error(item, $"'{key}' must be a list of strings, found an item that is {Describe(item)}");
            }
        }

        return items;
    }

    public YamlMapping? Mapping(string key, bool required, string what)
    {
        var node = Get(key);
        if (node is null)
        {
            if (required)
            {
                Error(_node, $"{_what} is missing required key '{key}'");
            }

            return null;
        }

        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"'{key}' must be a mapping, found {Describe(node)}");
            return null;
        }

        return new YamlMapping(mapping, File, what, _errors);
    }

    /// <summary>A nested mapping read with the same file and error list.</summary>
    public YamlMapping Child(YamlMappingNode node, string what) => new(node, File, what, _errors);

    /// <summary>Reports every key not in <paramref name="allowed"/>, suggesting the nearest known key.</summary>
    public void RejectUnknownKeys(IReadOnlyCollection<string> allowed)
    {
        foreach (var key in _node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name))
            {
                var hint = Spelling.Nearest(name, allowed) is { } near ? $"; did you mean '{near}'?" : $" (known keys: {string.Join(", ", allowed)})";
                Error(key, $"unknown key '{name}' in {_what}{hint}");
            }
        }
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode { Value: null or "" } => "an empty value",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "something else",
    };
}
