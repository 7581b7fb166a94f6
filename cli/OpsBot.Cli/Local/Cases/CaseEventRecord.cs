using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OpsBot.Cli.Local.Cases;

/// <summary>
/// The CloudTrail record inside a case's event fixture (an EventBridge envelope, an SQS message
/// carrying one, a bare record, a one-record log file or lookup-events output), rewritten for the
/// emulator: made now in the topology's region, with the ids the emulator gave in place of the
/// fixture's.
/// </summary>
public static class CaseEventRecord
{
    /// <summary>The one CloudTrail record of <paramref name="fixture"/>.</summary>
    /// <exception cref="FormatException">The fixture holds no single CloudTrail record.</exception>
    public static JsonObject Extract(string fixture)
    {
        var root = JsonNode.Parse(fixture);
        for (var depth = 0; depth < 4 && root is JsonObject wrapper; depth++)
        {
            if (wrapper["eventName"] is not null)
            {
                return wrapper;
            }

            root = wrapper switch
            {
                _ when wrapper["detail"] is JsonObject detail => detail,
                _ when (wrapper["Body"] ?? wrapper["body"]) is JsonValue body => JsonNode.Parse(body.GetValue<string>()),
                _ when wrapper["Records"] is JsonArray { Count: 1 } records => records[0],
                _ when wrapper["Events"] is JsonArray { Count: 1 } events && events[0]?["CloudTrailEvent"] is JsonValue text => JsonNode.Parse(text.GetValue<string>()),
                _ => null,
            };
        }

        throw new FormatException("the event file holds no single CloudTrail record to deliver");
    }

    /// <summary>
    /// <paramref name="record"/> as sent on the member bus: <c>eventTime</c> now (an old time would be
    /// refused as too late to de-duplicate), its region <paramref name="region"/>, and every
    /// <paramref name="replacements"/> key replaced by its value wherever it occurs (longest first, in
    /// one pass, so an id that is a prefix of another is not rewritten twice).
    /// </summary>
    public static string Rewrite(JsonObject record, string region, DateTimeOffset now, IReadOnlyDictionary<string, string> replacements)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(replacements);
        var all = new Dictionary<string, string>(replacements, StringComparer.Ordinal);
        if (record["awsRegion"]?.GetValue<string>() is { Length: > 0 } original && original != region)
        {
            all.TryAdd(original, region);
        }

        record["eventTime"] = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var text = record.ToJsonString();
        all.Remove("");
        if (all.Count == 0)
        {
            return text;
        }

        var pattern = new Regex(string.Join("|", all.Keys.OrderByDescending(k => k.Length).Select(k => Regex.Escape(JsonEncoded(k)))), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
        var encoded = all.ToDictionary(p => JsonEncoded(p.Key), p => JsonEncoded(p.Value), StringComparer.Ordinal);
        return pattern.Replace(text, m => encoded[m.Value]);
    }

    // A value as it stands inside a JSON string of the serialised record.
    private static string JsonEncoded(string value) => JsonEncodedText.Encode(value).ToString();
}
