using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using OpsBot.Functions.State;

namespace OpsBot.Functions.Holds;

/// <summary>
/// Suppressions and exemptions in the state table.
/// </summary>
/// <remarks>
/// Items: <c>pk = HOLD#&lt;account&gt;#&lt;region&gt;#&lt;resource id&gt;</c>,
/// <c>sk = &lt;Suppression|Exemption&gt;#&lt;policy id&gt;#&lt;hold id&gt;</c>, with <c>record</c> (JSON of
/// <see cref="ResourceHold"/>), <c>until</c> (epoch seconds: when it ends), <c>by</c>, <c>kind</c>, and
/// <c>expiresAt</c> (TTL) <see cref="KeptAfterEnd"/> after it ends: an ended hold stays readable for a while,
/// so the first sweep after the end re-checks the resource under a new finding id.
/// </remarks>
/// <param name="dynamoDb">The DynamoDB client.</param>
/// <param name="tableName">The state table.</param>
public sealed class HoldStore(IAmazonDynamoDB dynamoDb, string tableName)
{
    /// <summary>How long an ended hold stays in the table.</summary>
    public static readonly TimeSpan KeptAfterEnd = TimeSpan.FromDays(30);

    private const string Prefix = "HOLD#";

    /// <summary>Records <paramref name="hold"/>; a hold with the same id is replaced.</summary>
    public Task WriteAsync(ResourceHold hold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hold);
        return dynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = tableName,
            Item = new Dictionary<string, AttributeValue>
            {
                ["pk"] = new AttributeValue(PartitionOf(hold.Account, hold.Region, hold.ResourceId)),
                ["sk"] = new AttributeValue($"{hold.Kind}#{hold.PolicyId}#{hold.Id}"),
                ["record"] = new AttributeValue(JsonSerializer.Serialize(hold, HoldJsonContext.Default.ResourceHold)),
                ["kind"] = new AttributeValue(hold.Kind.ToString()),
                ["by"] = new AttributeValue(hold.By),
                ["until"] = StateItems.Number(hold.Until),
                ["expiresAt"] = StateItems.Number(hold.Until + KeptAfterEnd),
            },
        }, cancellationToken);
    }

    /// <summary>Every hold recorded on <paramref name="resourceId"/> (live and recently ended), oldest first.</summary>
    public async Task<IReadOnlyList<ResourceHold>> ReadAsync(string account, string region, string resourceId, CancellationToken cancellationToken)
    {
        var holds = new List<ResourceHold>();
        var request = new QueryRequest
        {
            TableName = tableName,
            ConsistentRead = true,
            KeyConditionExpression = "pk = :pk",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":pk"] = new AttributeValue(PartitionOf(account, region, resourceId)) },
        };
        do
        {
            var page = await dynamoDb.QueryAsync(request, cancellationToken);
            holds.AddRange((page.Items ?? []).Select(Read).OfType<ResourceHold>());
            request.ExclusiveStartKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey is not null);

        return [.. holds.OrderBy(h => h.CreatedAt)];
    }

    /// <summary>Every hold in the table still in force at <paramref name="now"/>, soonest to end first.</summary>
    public async Task<IReadOnlyList<ResourceHold>> ListLiveAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var items = await StateItems.ScanAllAsync(dynamoDb, new ScanRequest
        {
            TableName = tableName,
            FilterExpression = "begins_with(pk, :prefix) AND #until > :now",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#until"] = "until" },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":prefix"] = new AttributeValue(Prefix),
                [":now"] = StateItems.Number(now),
            },
        }, cancellationToken);
        return [.. items.Select(Read).OfType<ResourceHold>().Where(h => h.IsLive(now)).OrderBy(h => h.Until)];
    }

    private static string PartitionOf(string account, string region, string resourceId) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{account}#{region}#{resourceId}");

    private static ResourceHold? Read(Dictionary<string, AttributeValue> item) =>
        StateItems.Text(item, "record") is { } json ? JsonSerializer.Deserialize(json, HoldJsonContext.Default.ResourceHold) : null;
}
