using YamlDotNet.RepresentationModel;

namespace OpsBot.Infra.Tests;

/// <summary>
/// Decides whether an EventBridge event pattern (as written in a template) matches an event, for
/// the pattern features the templates use: nested fields, value lists, <c>prefix</c>,
/// <c>anything-but</c> and <c>exists</c>. Anything else fails loudly rather than guessing.
/// </summary>
internal static class EventPattern
{
    /// <summary>An EventBridge envelope of a CloudTrail management event.</summary>
    public static Dictionary<string, object> CloudTrailEvent(string eventSource, string eventName) => new()
    {
        ["source"] = "aws." + eventSource.Split('.')[0],
        ["detail-type"] = "AWS API Call via CloudTrail",
        ["account"] = "123456789012",
        ["region"] = "us-east-1",
        ["detail"] = new Dictionary<string, object>
        {
            ["eventSource"] = eventSource,
            ["eventName"] = eventName,
            ["eventVersion"] = "1.09",
        },
    };

    public static bool Matches(YamlMappingNode pattern, IReadOnlyDictionary<string, object> @event)
    {
        foreach (var (keyNode, condition) in pattern.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value!;
            @event.TryGetValue(key, out var value);
            var ok = condition switch
            {
                YamlMappingNode nested => value is IReadOnlyDictionary<string, object> inner && Matches(nested, inner),
                YamlSequenceNode alternatives => alternatives.Children.Any(a => MatchesOne(a, value)),
                _ => throw new Xunit.Sdk.XunitException($"pattern field '{key}' at {condition.Start} must be a list or a mapping"),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool MatchesOne(YamlNode alternative, object? value)
    {
        if (alternative is YamlScalarNode scalar)
        {
            return value is string s && s == scalar.Value;
        }

        if (alternative is YamlMappingNode { Children.Count: 1 } filter)
        {
            var (opNode, argument) = filter.Children.Single();
            var op = ((YamlScalarNode)opNode).Value;
            return op switch
            {
                "prefix" => value is string s && s.StartsWith(((YamlScalarNode)argument).Value!, StringComparison.Ordinal),
                "anything-but" => value is string s && !CfnTemplate.Strings(argument).Contains(s),
                "exists" => (((YamlScalarNode)argument).Value == "true") == (value is not null),
                _ => throw new Xunit.Sdk.XunitException($"pattern operator '{op}' at {filter.Start} is not understood by this test; extend EventPattern"),
            };
        }

        throw new Xunit.Sdk.XunitException($"unsupported pattern value at {alternative.Start}");
    }
}
