using OpsBot.Rules.Resources;
using OpsBot.Rules.Yaml;

namespace OpsBot.Rules.Policies.Code;

/// <summary>Reads a policy's <c>rule:</c> key: the name of a shipped C# rule that fits its resource and <c>select</c>.</summary>
internal static class CodeRuleReader
{
    /// <summary>What <see cref="Policy.When"/> says for a policy whose condition is the C# rule <paramref name="rule"/>.</summary>
    public static string Condition(string rule) => $"C# rule {rule}";

    /// <summary>The rule name, or null after recording why it cannot be used.</summary>
    public static string? Read(YamlMapping map, IResourceType? resource, IElementCollection? collection)
    {
        if (map.String("rule", required: true) is not { } value)
        {
            return null;
        }

        var catalog = PolicyRuleCatalog.Default;
        if (catalog.Create(value.Value) is not { } rule)
        {
            var hint = Spelling.Nearest(value.Value, catalog.Names) is { } near ? $"; did you mean '{near}'?" : "";
            map.Error(value.Node, $"'rule: {value.Value}' names no C# policy rule{hint} (rules: {(catalog.Names.Count == 0 ? "none" : string.Join(", ", catalog.Names))})");
            return null;
        }

        if (resource is not null && rule.ResourceType != resource.Name)
        {
            map.Error(value.Node, $"'rule: {value.Value}' matches {rule.ResourceType}, not {resource.Name}");
            return null;
        }

        if (collection is not null && rule.ElementType != collection.ElementType)
        {
            map.Error(value.Node, $"'rule: {value.Value}' reports {rule.ElementType.Name} elements, but 'select: {collection.Name}' holds {collection.ElementType.Name}");
            return null;
        }

        return value.Value;
    }
}
