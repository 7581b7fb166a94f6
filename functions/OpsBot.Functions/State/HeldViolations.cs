using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace OpsBot.Functions.State;

/// <summary>
/// The violations the blast-radius limit held, findable per account window so an approver can release
/// them, and listed for <c>opsbot brakes status</c>. Atomic across concurrent functions.
/// </summary>
/// <remarks>
/// Items: one per held violation, <c>pk = HELD#&lt;account&gt;#&lt;window start&gt;</c>,
/// <c>sk = VIOLATION#&lt;policy&gt;#&lt;resource&gt;</c>, with <c>policyId</c>, <c>resourceId</c>, <c>region</c>,
/// <c>heldAt</c>, <c>status</c> (<c>held</c>, <c>releasing</c>, <c>released</c>) and <c>events</c> (a string
/// set of the audit ids held and not yet settled; <c>ADD</c> keeps a redelivered event once). The batch
/// index, <c>pk = HELD#batches</c>, <c>sk = &lt;window start&gt;#&lt;account&gt;</c>, counts <c>held</c> (distinct
/// violations, added only by the write that created one, told by its old image) and <c>released</c>,
/// with <c>releasedBy</c>/<c>releasedAt</c>; one partition, so the listing is one query, never a scan. A
/// release moves each violation <c>held</c> -&gt; <c>releasing</c> by a conditional update that takes its
/// events in the same write, so two clicks (or two approvers) remediate each violation once. Everything
/// expires a week after its window ends: by then the sweep has re-checked the resources.
/// </remarks>
/// <param name="dynamoDb">The DynamoDB client.</param>
/// <param name="tableName">The state table.</param>
public sealed class HeldViolations(IAmazonDynamoDB dynamoDb, string tableName)
{
    /// <summary>How long after its window a batch can still be listed and released.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private const string IndexPartition = "HELD#batches";
    private const string Held = "held";
    private const string Releasing = "releasing";
    private const string Released = "released";

    /// <summary>The key of the batch of <paramref name="account"/>'s window starting at <paramref name="windowStart"/>.</summary>
    public static string BatchKey(string account, DateTimeOffset windowStart) => $"{account}#{Stamp(windowStart)}";

    /// <summary>Records that <paramref name="eventId"/>'s violation of <paramref name="policyId"/> on <paramref name="resourceId"/> is held in the batch; returns the batch key.</summary>
    public async Task<string> HoldAsync(string account, DateTimeOffset windowStart, TimeSpan window, string region, string policyId, string resourceId, string eventId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = BatchKey(account, windowStart);
        var expires = StateItems.Number(windowStart + window + Retention);
        var old = (await dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = ViolationKey(key, policyId, resourceId),
            UpdateExpression = "SET policyId = :policy, resourceId = :resource, #region = :region, heldAt = if_not_exists(heldAt, :now), #status = :held, expiresAt = :expires ADD events :event",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#region"] = "region", ["#status"] = "status" },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":policy"] = new AttributeValue(policyId),
                [":resource"] = new AttributeValue(resourceId),
                [":region"] = new AttributeValue(region),
                [":now"] = new AttributeValue(Stamp(now)),
                [":held"] = new AttributeValue(Held),
                [":expires"] = expires,
                [":event"] = new AttributeValue { SS = [eventId] },
            },
            ReturnValues = ReturnValue.ALL_OLD,
        }, cancellationToken)).Attributes;

        var wasReleased = StateItems.Text(old, "status") == Released;
        if (old is { Count: > 0 } && !wasReleased)
        {
            return key;
        }

        // A new violation counts once; one re-opened after a release waits again.
        await dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = IndexKey(account, windowStart),
            UpdateExpression = wasReleased ? "ADD released :minus SET expiresAt = :expires" : "ADD held :one SET account = :account, windowStart = :start, windowEnd = :end, expiresAt = :expires",
            ExpressionAttributeValues = wasReleased
                ? new Dictionary<string, AttributeValue> { [":minus"] = StateItems.Number(-1), [":expires"] = expires }
                : new Dictionary<string, AttributeValue>
                {
                    [":one"] = StateItems.Number(1),
                    [":account"] = new AttributeValue(account),
                    [":start"] = new AttributeValue(Stamp(windowStart)),
                    [":end"] = new AttributeValue(Stamp(windowStart + window)),
                    [":expires"] = expires,
                },
        }, cancellationToken);
        return key;
    }

    /// <summary>The batches held in the last <see cref="Retention"/>, newest first.</summary>
    public async Task<IReadOnlyList<HeldBatch>> ListBatchesAsync(CancellationToken cancellationToken)
    {
        var batches = new List<HeldBatch>();
        var request = new QueryRequest
        {
            TableName = tableName,
            KeyConditionExpression = "pk = :pk",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":pk"] = new AttributeValue(IndexPartition) },
            ScanIndexForward = false,
            ConsistentRead = true,
        };
        do
        {
            var page = await dynamoDb.QueryAsync(request, cancellationToken);
            batches.AddRange((page.Items ?? []).Select(ToBatch));
            request.ExclusiveStartKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey is not null);

        return batches;
    }

    /// <summary>The batch <paramref name="key"/> (from <see cref="BatchKey"/>), or null when nothing was held there (or it expired).</summary>
    public async Task<HeldBatch?> ReadBatchAsync(string key, CancellationToken cancellationToken)
    {
        var (account, windowStart) = ParseKey(key);
        var item = (await dynamoDb.GetItemAsync(new GetItemRequest { TableName = tableName, Key = IndexKey(account, windowStart), ConsistentRead = true }, cancellationToken)).Item;
        return item is { Count: > 0 } ? ToBatch(item) : null;
    }

    /// <summary>The violations held in batch <paramref name="key"/>, whatever their status.</summary>
    public async Task<IReadOnlyList<HeldViolation>> ReadViolationsAsync(string key, CancellationToken cancellationToken)
    {
        var violations = new List<HeldViolation>();
        var request = new QueryRequest
        {
            TableName = tableName,
            KeyConditionExpression = "pk = :pk",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":pk"] = new AttributeValue("HELD#" + key) },
            ConsistentRead = true,
        };
        do
        {
            var page = await dynamoDb.QueryAsync(request, cancellationToken);
            violations.AddRange((page.Items ?? []).Select(i => new HeldViolation(
                StateItems.Text(i, "policyId") ?? "",
                StateItems.Text(i, "resourceId") ?? "",
                StateItems.Text(i, "region") ?? "",
                Time(StateItems.Text(i, "heldAt")) ?? DateTimeOffset.MinValue,
                StateItems.Text(i, "status") ?? Held,
                i.TryGetValue("events", out var events) ? events.SS ?? [] : [],
                StateItems.Text(i, "releasedBy"))));
            request.ExclusiveStartKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey is not null);

        return violations;
    }

    /// <summary>
    /// Takes <paramref name="violation"/> of batch <paramref name="key"/> for release by <paramref name="by"/>:
    /// the held events it carried, or null when it is not held (released already, or being released).
    /// </summary>
    public async Task<IReadOnlyList<string>?> TryTakeAsync(string key, HeldViolation violation, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(violation);
        try
        {
            var old = (await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = ViolationKey(key, violation.PolicyId, violation.ResourceId),
                UpdateExpression = "SET #status = :releasing, releasedBy = :by, releasedAt = :at REMOVE events",
                ConditionExpression = "#status = :held",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#status"] = "status" },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":releasing"] = new AttributeValue(Releasing),
                    [":held"] = new AttributeValue(Held),
                    [":by"] = new AttributeValue(by),
                    [":at"] = new AttributeValue(Stamp(at)),
                },
                ReturnValues = ReturnValue.ALL_OLD,
            }, cancellationToken)).Attributes;
            return old is not null && old.TryGetValue("events", out var events) ? events.SS ?? [] : [];
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }

    /// <summary>Marks a taken violation released and counts it on the batch.</summary>
    public async Task CompleteAsync(string key, HeldViolation violation, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(violation);
        await dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = ViolationKey(key, violation.PolicyId, violation.ResourceId),
            UpdateExpression = "SET #status = :released",
            ConditionExpression = "#status = :releasing",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#status"] = "status" },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":released"] = new AttributeValue(Released), [":releasing"] = new AttributeValue(Releasing) },
        }, cancellationToken);
        var (account, windowStart) = ParseKey(key);
        await dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = IndexKey(account, windowStart),
            UpdateExpression = "ADD released :one SET releasedBy = :by, releasedAt = :at",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":one"] = StateItems.Number(1),
                [":by"] = new AttributeValue(by),
                [":at"] = new AttributeValue(Stamp(at)),
            },
        }, cancellationToken);
    }

    /// <summary>Gives a taken violation back (the release failed): it is held again with its events, for another click.</summary>
    public Task GiveBackAsync(string key, HeldViolation violation, IReadOnlyList<string> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(violation);
        ArgumentNullException.ThrowIfNull(events);
        var values = new Dictionary<string, AttributeValue> { [":held"] = new AttributeValue(Held) };
        if (events.Count > 0)
        {
            values[":events"] = new AttributeValue { SS = [.. events] };
        }

        return dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = ViolationKey(key, violation.PolicyId, violation.ResourceId),
            UpdateExpression = events.Count > 0 ? "SET #status = :held REMOVE releasedBy, releasedAt ADD events :events" : "SET #status = :held REMOVE releasedBy, releasedAt",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#status"] = "status" },
            ExpressionAttributeValues = values,
        }, cancellationToken);
    }

    /// <summary>The account and window start of a batch key.</summary>
    /// <exception cref="FormatException">The key was not made by <see cref="BatchKey"/>.</exception>
    public static (string Account, DateTimeOffset WindowStart) ParseKey(string key)
    {
        var hash = key?.IndexOf('#', StringComparison.Ordinal) ?? -1;
        if (hash <= 0 || Time(key![(hash + 1)..]) is not { } start)
        {
            throw new FormatException($"'{key}' is not a held batch key (<account>#<window start>)");
        }

        return (key[..hash], start);
    }

    private static HeldBatch ToBatch(Dictionary<string, AttributeValue> item)
    {
        var account = StateItems.Text(item, "account") ?? "";
        var start = Time(StateItems.Text(item, "windowStart")) ?? DateTimeOffset.MinValue;
        return new HeldBatch(
            BatchKey(account, start),
            account,
            start,
            Time(StateItems.Text(item, "windowEnd")) ?? start,
            Count(item, "held"),
            Count(item, "released"),
            StateItems.Text(item, "releasedBy"),
            Time(StateItems.Text(item, "releasedAt")));
    }

    private static int Count(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.N is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 0;

    private static Dictionary<string, AttributeValue> ViolationKey(string key, string policyId, string resourceId) => new()
    {
        ["pk"] = new AttributeValue("HELD#" + key),
        ["sk"] = new AttributeValue($"VIOLATION#{policyId}#{resourceId}"),
    };

    private static Dictionary<string, AttributeValue> IndexKey(string account, DateTimeOffset windowStart) => new()
    {
        ["pk"] = new AttributeValue(IndexPartition),
        ["sk"] = new AttributeValue($"{Stamp(windowStart)}#{account}"),
    };

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;
}
