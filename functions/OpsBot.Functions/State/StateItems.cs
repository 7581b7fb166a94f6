using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace OpsBot.Functions.State;

/// <summary>The key and attribute shapes every item of the state table shares.</summary>
internal static class StateItems
{
    /// <summary>The key of the item <paramref name="sortKey"/> under the event's partition.</summary>
    public static Dictionary<string, AttributeValue> Key(string eventId, string sortKey) => new()
    {
        ["pk"] = new AttributeValue("EVENT#" + eventId),
        ["sk"] = new AttributeValue(sortKey),
    };

    /// <summary>A point in time as epoch seconds (the TTL and lease attributes).</summary>
    public static AttributeValue Number(DateTimeOffset time) =>
        new() { N = time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) };

    /// <summary>A whole number.</summary>
    public static AttributeValue Number(int value) =>
        new() { N = value.ToString(CultureInfo.InvariantCulture) };

    /// <summary>Every item <paramref name="request"/> finds, following its pages to the end.</summary>
    public static async Task<List<Dictionary<string, AttributeValue>>> ScanAllAsync(IAmazonDynamoDB dynamoDb, ScanRequest request, CancellationToken cancellationToken)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        do
        {
            var page = await dynamoDb.ScanAsync(request, cancellationToken);
            items.AddRange(page.Items ?? []);
            request.ExclusiveStartKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey is not null);

        return items;
    }

    /// <summary>The string attribute <paramref name="name"/> of <paramref name="item"/>, or null.</summary>
    public static string? Text(Dictionary<string, AttributeValue>? item, string name) =>
        item is not null && item.TryGetValue(name, out var value) ? value.S : null;
}
