using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace OpsBot.Functions.State;

/// <summary>
/// The idempotency claims of the state table (<c>sk = CLAIM</c>): <c>status</c> <c>processing</c>
/// (with <c>owner</c>, the attempt's token, and <c>leaseUntil</c>) or <c>done</c>.
/// </summary>
/// <remarks>
/// Every write is conditional and, when its condition fails, returns what is there
/// (<c>ReturnValuesOnConditionCheckFailure = ALL_OLD</c>): a request the SDK retried after its answer
/// was lost meets its own write, and must be told apart from a duplicate or a live rival, or the event
/// would be deleted unprocessed.
/// </remarks>
internal sealed class ClaimItems(IAmazonDynamoDB dynamoDb, string tableName, TimeProvider clock, ClaimLease lease, TimeSpan retention)
{
    private const string Processing = "processing";
    private const string Done = "done";
    private const string Sort = "CLAIM";

    public async Task<ClaimOutcome> TryClaimAsync(string eventId, string owner, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        try
        {
            await dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = tableName,
                Item = new Dictionary<string, AttributeValue>(StateItems.Key(eventId, Sort))
                {
                    ["status"] = new AttributeValue(Processing),
                    ["owner"] = new AttributeValue(owner),
                    ["claimedAt"] = StateItems.Number(now),
                    ["leaseUntil"] = StateItems.Number(now + lease.Lease),
                    ["expiresAt"] = StateItems.Number(now + retention),
                },
                ConditionExpression = "attribute_not_exists(pk) OR (#status = :processing AND (leaseUntil < :now OR #owner = :owner))",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#status"] = "status", ["#owner"] = "owner" },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":processing"] = new AttributeValue(Processing),
                    [":now"] = StateItems.Number(now),
                    [":owner"] = new AttributeValue(owner),
                },
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            }, cancellationToken);
            return ClaimOutcome.Claimed;
        }
        catch (ConditionalCheckFailedException ex)
        {
            var held = ex.Item is { Count: > 0 } item ? item : await ReadAsync(eventId, cancellationToken);
            return Classify(held, owner);
        }
    }

    public Task CompleteAsync(string eventId, string owner, CancellationToken cancellationToken) =>
        dynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = tableName,
            Item = new Dictionary<string, AttributeValue>(StateItems.Key(eventId, Sort))
            {
                ["status"] = new AttributeValue(Done),
                ["owner"] = new AttributeValue(owner),
                ["expiresAt"] = StateItems.Number(clock.GetUtcNow() + retention),
            },
        }, cancellationToken);

    public async Task ReleaseAsync(string eventId, string owner, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = tableName,
                Key = StateItems.Key(eventId, Sort),
                ConditionExpression = "#status = :processing AND #owner = :owner",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#status"] = "status", ["#owner"] = "owner" },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":processing"] = new AttributeValue(Processing),
                    [":owner"] = new AttributeValue(owner),
                },
            }, cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            // Already released (a retried delete), taken over or finished by another attempt: not ours to delete.
        }
    }

    /// <summary>Claims still <c>processing</c> whose lease lapsed before <paramref name="before"/>: attempts that died and were never redelivered.</summary>
    public async Task<IReadOnlyList<(string EventId, DateTimeOffset LeaseUntil)>> ReadLapsedAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var items = await StateItems.ScanAllAsync(dynamoDb, new ScanRequest
        {
            TableName = tableName,
            FilterExpression = "sk = :claim AND #status = :processing AND leaseUntil < :before",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#status"] = "status" },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":claim"] = new AttributeValue(Sort),
                [":processing"] = new AttributeValue(Processing),
                [":before"] = StateItems.Number(before),
            },
        }, cancellationToken);
        return [.. items.Select(i => (i["pk"].S["EVENT#".Length..], DateTimeOffset.FromUnixTimeSeconds(long.Parse(i["leaseUntil"].N, System.Globalization.CultureInfo.InvariantCulture))))];
    }

    private async Task<Dictionary<string, AttributeValue>?> ReadAsync(string eventId, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest { TableName = tableName, Key = StateItems.Key(eventId, Sort), ConsistentRead = true }, cancellationToken);
        return response.Item;
    }

    private static ClaimOutcome Classify(Dictionary<string, AttributeValue>? held, string owner)
    {
        if (StateItems.Text(held, "status") == Done)
        {
            return ClaimOutcome.Done;
        }

        // Ours: the SDK retried a put whose answer was lost. Gone meanwhile (released): let SQS bring it back.
        return StateItems.Text(held, "owner") == owner ? ClaimOutcome.Claimed : ClaimOutcome.HeldByAnother;
    }
}
