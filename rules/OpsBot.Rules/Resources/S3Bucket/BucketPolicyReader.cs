using System.Text.Json;
using OpsBot.Rules.Facts;

namespace OpsBot.Rules.Resources.S3Bucket;

/// <summary>
/// Reads the statements of a bucket policy document, the JSON string that
/// <c>aws s3api get-bucket-policy</c> prints as <c>Policy</c>. Accepts every form IAM allows: one
/// statement or a list, a principal as <c>"*"</c> or a map of lists or strings, actions as a string or a list.
/// </summary>
public static class BucketPolicyReader
{
    /// <summary>The statements of <paramref name="policy"/>.</summary>
    /// <exception cref="StateFormatException">The text is not a policy document.</exception>
    public static IReadOnlyList<PolicyStatementFact> Read(string policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(policy);
        }
        catch (JsonException ex)
        {
            throw new StateFormatException($"\"Policy\" is not a JSON policy document: {ex.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("Statement", out var statements))
            {
                throw new StateFormatException("\"Policy\" must be a policy document: an object with a \"Statement\"");
            }

            var list = statements.ValueKind == JsonValueKind.Array ? [.. statements.EnumerateArray()] : new List<JsonElement> { statements };
            return [.. list.Select(ReadStatement)];
        }
    }

    private static PolicyStatementFact ReadStatement(JsonElement statement)
    {
        if (statement.ValueKind != JsonValueKind.Object || !statement.TryGetProperty("Effect", out var effect) || effect.ValueKind != JsonValueKind.String)
        {
            throw new StateFormatException("every policy statement must be an object with an \"Effect\"");
        }

        var principals = Principals(statement, "Principal");
        if (statement.TryGetProperty("NotPrincipal", out _))
        {
            // An Allow to everyone except some principals is still an Allow to everyone else.
            principals = [.. principals, "*"];
        }

        return new PolicyStatementFact
        {
            Sid = statement.TryGetProperty("Sid", out var sid) && sid.ValueKind == JsonValueKind.String ? sid.GetString()! : "",
            Effect = effect.GetString()!,
            Principals = principals,
            Actions = [.. Strings(statement, "Action"), .. Strings(statement, "NotAction").Select(a => "!" + a)],
            HasRestrictingCondition = statement.TryGetProperty("Condition", out var condition) && PublicPolicyConditions.Restricts(condition),
        };
    }

    private static List<string> Principals(JsonElement statement, string property)
    {
        if (!statement.TryGetProperty(property, out var principal))
        {
            return [];
        }

        if (principal.ValueKind == JsonValueKind.String)
        {
            return [principal.GetString() == "*" ? "*" : principal.GetString()!];
        }

        if (principal.ValueKind != JsonValueKind.Object)
        {
            throw new StateFormatException($"a statement's \"{property}\" must be \"*\" or an object, found {principal.ValueKind}");
        }

        return [.. principal.EnumerateObject().SelectMany(kind => Strings(kind.Value).Select(v => kind.Name == "AWS" && v == "*" ? "*" : $"{kind.Name}:{v}"))];
    }

    private static IEnumerable<string> Strings(JsonElement statement, string property) =>
        statement.TryGetProperty(property, out var value) ? Strings(value) : [];

    private static IEnumerable<string> Strings(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!),
        _ => throw new StateFormatException($"expected a string or a list of strings in a policy statement, found {value.ValueKind}"),
    };
}
