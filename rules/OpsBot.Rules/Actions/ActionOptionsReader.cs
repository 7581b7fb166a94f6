using System.Globalization;
using OpsBot.Rules.Yaml;
using YamlDotNet.RepresentationModel;

namespace OpsBot.Rules.Actions;

/// <summary>Reads <c>remediation.options</c> against the action's declared options.</summary>
internal static class ActionOptionsReader
{
    /// <summary>The action's typed options, or null when any option is unknown or mistyped (reported).</summary>
    public static object? Read(YamlMapping remediation, IRemediationAction action)
    {
        var values = action.Options.ToDictionary(o => o.Name, o => o.Default, StringComparer.Ordinal);
        var node = remediation.Get("options");
        if (node is null)
        {
            return action.CreateOptions(new ActionOptionValues(values));
        }

        if (node is not YamlMappingNode mapping)
        {
            remediation.Error(node, $"'options' must be a mapping, found {YamlMapping.Describe(node)}");
            return null;
        }

        var ok = true;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var option = action.Options.FirstOrDefault(o => o.Name == key);
            if (option is null)
            {
                var known = action.Options.Select(o => o.Name).ToList();
                var hint = Spelling.Nearest(key, known) is { } near ? $"; did you mean '{near}'?" : "";
                remediation.Error(keyNode, $"action '{action.Name}' has no option '{key}'{hint} (its options: {string.Join(", ", known)})");
                ok = false;
                continue;
            }

            if (Convert(option, valueNode) is { } value)
            {
                values[key] = value;
            }
            else
            {
                remediation.Error(valueNode, $"option '{key}' of '{action.Name}' must be {Expected(option)}, found {YamlMapping.Describe(valueNode)}");
                ok = false;
            }
        }

        return ok ? action.CreateOptions(new ActionOptionValues(values)) : null;
    }

    private static object? Convert(ActionOption option, YamlNode node)
    {
        if (node is not YamlScalarNode { Value: { } text })
        {
            return null;
        }

        return option.Type switch
        {
            ActionOptionType.Boolean => text is "true" ? true : text is "false" ? false : null,
            ActionOptionType.Integer => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= option.Minimum ? n : null,
            _ => text,
        };
    }

    private static string Expected(ActionOption option) => option.Type switch
    {
        ActionOptionType.Boolean => "true or false",
        ActionOptionType.Integer => option.Minimum == int.MinValue ? "a whole number" : $"a whole number of at least {option.Minimum}",
        _ => "a string",
    };
}
