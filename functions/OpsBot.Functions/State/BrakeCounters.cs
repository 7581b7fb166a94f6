using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace OpsBot.Functions.State;

/// <summary>
/// The brakes' counters and the circuit breaker in the state table, atomic across concurrent functions.
/// </summary>
/// <remarks>
/// Items: <c>pk = BRAKE#&lt;counter&gt;</c>, <c>sk = WINDOW#&lt;window start, ISO 8601&gt;</c>, a fixed
/// window per item, with <c>actions</c> (a string set of the actions counted, each
/// <c>&lt;event id&gt;#&lt;policy&gt;#&lt;resource&gt;</c>, grown by <c>ADD</c> under the condition that it holds
/// fewer than the limit or already holds the action: of two concurrent callers at the limit exactly one
/// counts, and a redelivery of an event whose first attempt failed after counting is not counted twice), <c>announced</c> (set once by
/// a conditional update: the one violation that escalates or announces the window) and <c>expiresAt</c>
/// (TTL, a window after the window ends). The breaker is <c>pk = BRAKE#breaker</c>, <c>sk = STATE</c>:
/// <c>tripped</c> (BOOL), <c>trippedAt</c>, <c>reason</c>, and after a reset <c>resetBy</c>/<c>resetAt</c>;
/// it has no TTL, a tripped breaker stays tripped until someone resets it.
/// </remarks>
/// <param name="dynamoDb">The DynamoDB client.</param>
/// <param name="tableName">The state table.</param>
public sealed class BrakeCounters(IAmazonDynamoDB dynamoDb, string tableName)
{
    private static readonly Dictionary<string, AttributeValue> BreakerKey = new()
    {
        ["pk"] = new AttributeValue("BRAKE#breaker"),
        ["sk"] = new AttributeValue("STATE"),
    };

    /// <summary>
    /// Counts <paramref name="action"/> on <paramref name="counter"/> in the window starting at <paramref name="windowStart"/>
    /// if fewer than <paramref name="limit"/> are counted there (or it is counted already: true again);
    /// false, and nothing counted, at the limit.
    /// </summary>
    public async Task<bool> TryCountAsync(string counter, DateTimeOffset windowStart, TimeSpan window, int limit, string action, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = WindowKey(counter, windowStart),
                UpdateExpression = CountUpdate,
                ConditionExpression = CountCondition,
                ExpressionAttributeValues = CountValues(windowStart, window, limit, action),
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>
    /// Counts <paramref name="action"/> on every one of <paramref name="counts"/> in one transaction, if the
    /// circuit breaker is not tripped and each counter is under its limit (or holds the action already):
    /// true, all counted, in one round trip instead of one per counter. Otherwise false and nothing counted
    /// (a transaction is all or nothing), and the caller asks one by one to learn which brake holds.
    /// </summary>
    public async Task<bool> TryCountAllAsync(IReadOnlyList<BrakeCount> counts, string action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var items = new List<TransactWriteItem>
        {
            new()
            {
                ConditionCheck = new ConditionCheck
                {
                    TableName = tableName,
                    Key = BreakerKey,
                    ConditionExpression = "attribute_not_exists(tripped) OR tripped = :false",
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":false"] = new() { BOOL = false } },
                },
            },
        };
        items.AddRange(counts.Select(c => new TransactWriteItem
        {
            Update = new Update
            {
                TableName = tableName,
                Key = WindowKey(c.Counter, c.WindowStart),
                UpdateExpression = CountUpdate,
                ConditionExpression = CountCondition,
                ExpressionAttributeValues = CountValues(c.WindowStart, c.Window, c.Limit, action),
            },
        }));
        try
        {
            await dynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = items }, cancellationToken);
            return true;
        }
        catch (TransactionCanceledException)
        {
            // A brake holds, or another transaction touched a counter at the same moment: the one-by-one
            // checks tell which, and count what passes. Counting is idempotent per action, so nothing doubles.
            return false;
        }
    }

    /// <summary>Marks the window as announced; true for the one caller that marked it, false for every later one.</summary>
    public async Task<bool> TryMarkAnnouncedAsync(string counter, DateTimeOffset windowStart, TimeSpan window, string eventId, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = WindowKey(counter, windowStart),
                UpdateExpression = "SET announced = :event, expiresAt = :expires",
                ConditionExpression = "attribute_not_exists(announced) OR announced = :event",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":event"] = new AttributeValue(eventId),
                    [":expires"] = StateItems.Number(windowStart + window + window),
                },
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>The actions counted on <paramref name="counter"/> in the window starting at <paramref name="windowStart"/>.</summary>
    public async Task<int> ReadCountAsync(string counter, DateTimeOffset windowStart, CancellationToken cancellationToken)
    {
        var item = (await dynamoDb.GetItemAsync(new GetItemRequest { TableName = tableName, Key = WindowKey(counter, windowStart), ConsistentRead = true }, cancellationToken)).Item;
        return item is not null && item.TryGetValue("actions", out var actions) ? actions.SS?.Count ?? 0 : 0;
    }

    /// <summary>The circuit breaker as stored; <see cref="BreakerState.Closed"/> when it was never tripped.</summary>
    public async Task<BreakerState> ReadBreakerAsync(CancellationToken cancellationToken)
    {
        var item = (await dynamoDb.GetItemAsync(new GetItemRequest { TableName = tableName, Key = BreakerKey, ConsistentRead = true }, cancellationToken)).Item;
        if (item is not { Count: > 0 })
        {
            return BreakerState.Closed;
        }

        return new BreakerState(
            item.TryGetValue("tripped", out var tripped) && tripped.BOOL == true,
            Time(StateItems.Text(item, "trippedAt")),
            StateItems.Text(item, "reason") ?? "",
            StateItems.Text(item, "resetBy"),
            Time(StateItems.Text(item, "resetAt")));
    }

    /// <summary>Trips the breaker; true for the one caller that tripped it, false when it was tripped already.</summary>
    public async Task<bool> TryTripAsync(DateTimeOffset at, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = BreakerKey,
                UpdateExpression = "SET tripped = :true, trippedAt = :at, reason = :reason REMOVE resetBy, resetAt",
                ConditionExpression = "attribute_not_exists(tripped) OR tripped = :false",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":true"] = new AttributeValue { BOOL = true },
                    [":false"] = new AttributeValue { BOOL = false },
                    [":at"] = new AttributeValue(at.ToString("O", CultureInfo.InvariantCulture)),
                    [":reason"] = new AttributeValue(reason),
                },
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>Resets the breaker (enforcement resumes); true when it was tripped, false when it was not.</summary>
    public Task<bool> TryResetAsync(string by, DateTimeOffset at, CancellationToken cancellationToken) =>
        ResetAsync(null, by, at, cancellationToken);

    /// <summary>
    /// Resets the trip of <paramref name="trippedAt"/> only (a Slack button names the trip it announced):
    /// true when that trip was still in force, false when the breaker is not tripped or tripped again since.
    /// </summary>
    public Task<bool> TryResetTripAsync(DateTimeOffset trippedAt, string by, DateTimeOffset at, CancellationToken cancellationToken) =>
        ResetAsync(trippedAt, by, at, cancellationToken);

    private async Task<bool> ResetAsync(DateTimeOffset? trippedAt, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, AttributeValue>
        {
            [":true"] = new AttributeValue { BOOL = true },
            [":false"] = new AttributeValue { BOOL = false },
            [":by"] = new AttributeValue(by),
            [":at"] = new AttributeValue(at.ToString("O", CultureInfo.InvariantCulture)),
        };
        if (trippedAt is { } trip)
        {
            values[":trippedAt"] = new AttributeValue(trip.ToString("O", CultureInfo.InvariantCulture));
        }

        try
        {
            await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = BreakerKey,
                UpdateExpression = "SET tripped = :false, resetBy = :by, resetAt = :at",
                ConditionExpression = trippedAt is null ? "tripped = :true" : "tripped = :true AND trippedAt = :trippedAt",
                ExpressionAttributeValues = values,
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>The start of the fixed window of length <paramref name="window"/> that holds <paramref name="time"/>.</summary>
    public static DateTimeOffset WindowStart(DateTimeOffset time, TimeSpan window) =>
        new(time.UtcTicks - (time.UtcTicks % window.Ticks), TimeSpan.Zero);

    private const string CountUpdate = "ADD actions :actions SET expiresAt = :expires";
    private const string CountCondition = "attribute_not_exists(actions) OR size(actions) < :limit OR contains(actions, :action)";

    private static Dictionary<string, AttributeValue> CountValues(DateTimeOffset windowStart, TimeSpan window, int limit, string action) => new()
    {
        [":actions"] = new AttributeValue { SS = [action] },
        [":action"] = new AttributeValue(action),
        [":limit"] = StateItems.Number(limit),
        [":expires"] = StateItems.Number(windowStart + window + window),
    };

    private static Dictionary<string, AttributeValue> WindowKey(string counter, DateTimeOffset windowStart) => new()
    {
        ["pk"] = new AttributeValue("BRAKE#" + counter),
        ["sk"] = new AttributeValue("WINDOW#" + windowStart.ToString("O", CultureInfo.InvariantCulture)),
    };

    private static DateTimeOffset? Time(string? text) =>
        text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
