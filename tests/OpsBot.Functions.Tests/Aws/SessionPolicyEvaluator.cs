using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpsBot.Functions.Tests.Aws;

/// <summary>
/// Evaluates an IAM policy document the way IAM does for the parts session policies use: an explicit
/// Deny wins, then an Allow, else the implicit deny; actions and <c>StringLike</c> values match with
/// <c>*</c> and <c>?</c>; conditions <c>StringEquals</c>, <c>StringLike</c> and <c>Null</c>, all of a
/// statement's conditions must hold. Anything else in the document fails the test rather than being ignored.
/// </summary>
internal sealed class SessionPolicyEvaluator
{
    private readonly List<JsonElement> _statements;

    public SessionPolicyEvaluator(string policy)
    {
        using var document = JsonDocument.Parse(policy);
        Assert.Equal("2012-10-17", document.RootElement.GetProperty("Version").GetString());
        _statements = [.. document.RootElement.GetProperty("Statement").EnumerateArray().Select(s => s.Clone())];
    }

    /// <summary>True when <paramref name="action"/> with the request's condition keys <paramref name="context"/> is allowed.</summary>
    public bool Allows(string action, IReadOnlyDictionary<string, string>? context = null)
    {
        context ??= new Dictionary<string, string>();
        var matching = _statements.Where(s => ActionMatches(s, action) && ConditionsHold(s, context)).ToList();
        return !matching.Any(s => s.GetProperty("Effect").GetString() == "Deny")
            && matching.Any(s => s.GetProperty("Effect").GetString() == "Allow");
    }

    private static bool ActionMatches(JsonElement statement, string action)
    {
        Assert.False(statement.TryGetProperty("NotAction", out _), "NotAction is not evaluated here");
        Assert.Equal("*", statement.GetProperty("Resource").GetString());
        var actions = statement.GetProperty("Action");
        var patterns = actions.ValueKind == JsonValueKind.Array ? actions.EnumerateArray().Select(a => a.GetString()!) : [actions.GetString()!];
        return patterns.Any(p => Glob(p, action, ignoreCase: true));
    }

    private static bool ConditionsHold(JsonElement statement, IReadOnlyDictionary<string, string> context)
    {
        if (!statement.TryGetProperty("Condition", out var condition))
        {
            return true;
        }

        foreach (var op in condition.EnumerateObject())
        {
            foreach (var key in op.Value.EnumerateObject())
            {
                var values = key.Value.ValueKind == JsonValueKind.Array ? key.Value.EnumerateArray().Select(v => v.GetString()!).ToList() : [key.Value.GetString()!];
                var present = context.TryGetValue(key.Name, out var actual);
                var holds = op.Name switch
                {
                    "StringEquals" => present && values.Contains(actual!, StringComparer.Ordinal),
                    "StringLike" => present && values.Any(v => Glob(v, actual!, ignoreCase: false)),
                    "Null" => values.Any(v => v == "true" ? !present : present),
                    _ => throw new InvalidOperationException($"condition operator {op.Name} is not evaluated here"),
                };
                if (!holds)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool Glob(string pattern, string value, bool ignoreCase) =>
        Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$", ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
}
