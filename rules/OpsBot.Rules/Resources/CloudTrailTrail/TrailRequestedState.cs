using System.Text.Json;
using OpsBot.Rules.Events;

namespace OpsBot.Rules.Resources.CloudTrailTrail;

/// <summary>
/// A trail as one CloudTrail call asked for it: stopped by <c>StopLogging</c>; the region coverage and
/// log file validation <c>UpdateTrail</c> sets; the selectors of <c>PutEventSelectors</c>. What the
/// call does not set is taken as compliant (logging, multi-region, validated, management events),
/// since an update leaves unnamed settings as they were. <c>DeleteTrail</c> is left to
/// <see cref="CloudTrailTrailResourceType.Deleted"/> (no fact: the trail is gone).
/// </summary>
internal static class TrailRequestedState
{
    public static IReadOnlyList<object> Read(CloudTrailEvent cloudTrailEvent, string nameOrArn)
    {
        var request = cloudTrailEvent.RequestParameters;
        var isArn = nameOrArn.StartsWith("arn:", StringComparison.Ordinal);
        var trail = new TrailFact
        {
            Name = TrailNames.NameOf(nameOrArn),
            Arn = isArn ? nameOrArn : "",
            HomeRegion = cloudTrailEvent.Region,
            IsLogging = true,
            IsMultiRegionTrail = true,
            LogFileValidationEnabled = true,
            IncludesManagementEvents = true,
        };
        return cloudTrailEvent.EventName switch
        {
            "StopLogging" => [trail with { IsLogging = false }],
            "UpdateTrail" => [trail with
            {
                IsMultiRegionTrail = Flag(request, "isMultiRegionTrail") ?? true,
                LogFileValidationEnabled = Flag(request, "enableLogFileValidation") ?? true,
            }],
            "PutEventSelectors" => [trail with { IncludesManagementEvents = IncludesManagementEvents(request) }],
            _ => [],
        };
    }

    private static bool IncludesManagementEvents(JsonElement request)
    {
        var basic = CloudTrailJson.Items(request, "eventSelectors").ToList();
        var advanced = CloudTrailJson.Items(request, "advancedEventSelectors").ToList();
        if (basic.Count == 0 && advanced.Count == 0)
        {
            return true;
        }

        return basic.Any(s => Flag(s, "includeManagementEvents") ?? true)
            || advanced.Any(s => CloudTrailJson.Items(s, "fieldSelectors").Any(f =>
                CloudTrailJson.String(f, "field") == "eventCategory"
                && Strings(f, "equals").Contains("Management")));
    }

    // A list of strings, as an array or (one value) a bare string; CloudTrailJson.Items keeps objects only.
    private static List<string> Strings(JsonElement element, string property)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(property, out var value))
        {
            return [];
        }

        var list = value.ValueKind == JsonValueKind.Object && value.TryGetProperty("items", out var items) ? items : value;
        return list.ValueKind switch
        {
            JsonValueKind.Array => [.. list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
            JsonValueKind.String => [list.GetString()!],
            _ => [],
        };
    }

    // CloudTrail records booleans as JSON booleans, and sometimes as strings.
    private static bool? Flag(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.String => value.GetString() == "true",
                _ => null,
            }
            : null;
}
