using System.Text.Json;
using OpsBot.Rules.Events;

namespace OpsBot.Rules.Resources.RdsSnapshot;

/// <summary>
/// A snapshot's restore values as one <c>Modify…SnapshotAttribute</c> call left them, for replay:
/// the attribute in <c>responseElements</c> (RDS answers with the whole attribute after the change),
/// or, when the response is <c>null</c>, the <c>valuesToAdd</c> of the request. Lists may arrive as
/// arrays, a single string, or <c>{"items": …}</c>. Tags are not in the event, so none are assumed.
/// </summary>
internal static class SnapshotRequestedState
{
    public static IReadOnlyList<RestorePermissionFact> Restore(CloudTrailEvent cloudTrailEvent, string attributesProperty)
    {
        ArgumentNullException.ThrowIfNull(cloudTrailEvent);
        if (!string.Equals(CloudTrailJson.String(cloudTrailEvent.RequestParameters, "attributeName"), SnapshotStateReader.RestoreAttribute, StringComparison.Ordinal))
        {
            return [];
        }

        var response = cloudTrailEvent.ResponseElements;
        var attributes = CloudTrailJson.Items(response, attributesProperty)
            .Where(a => CloudTrailJson.String(a, "attributeName") == SnapshotStateReader.RestoreAttribute)
            .ToList();
        var values = attributes.Count > 0
            ? attributes.SelectMany(a => Strings(a, "attributeValues"))
            : Strings(cloudTrailEvent.RequestParameters, "valuesToAdd");
        return [.. values.Distinct(StringComparer.Ordinal).Select(v => new RestorePermissionFact { Value = v })];
    }

    private static IEnumerable<string> Strings(JsonElement owner, string property)
    {
        if (owner.ValueKind != JsonValueKind.Object || !owner.TryGetProperty(property, out var value))
        {
            return [];
        }

        return Strings(value);
    }

    private static IEnumerable<string> Strings(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => [.. value.EnumerateArray().SelectMany(Strings)],
        JsonValueKind.Object when value.TryGetProperty("items", out var items) => Strings(items),
        _ => [],
    };
}
