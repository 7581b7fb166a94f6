using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using OpsBot.Functions.Audit;

namespace OpsBot.Functions.State;

/// <summary>
/// <see cref="IStateStore"/> in one DynamoDB table.
/// </summary>
/// <remarks>
/// Schema: partition key <c>pk</c> (S), sort key <c>sk</c> (S), on-demand billing, TTL on the
/// number attribute <c>expiresAt</c> (epoch seconds). Items, all under <c>pk = EVENT#&lt;event id&gt;</c>:
/// <list type="table">
/// <item><term><c>sk = CLAIM</c></term><description>Idempotency key. <c>status</c> is <c>processing</c>
/// (with <c>owner</c>, the attempt's token, and <c>leaseUntil</c>, epoch seconds: another delivery may take
/// over after it) or <c>done</c> (every announcement sent); created by a conditional put, so only one
/// delivery of an event acts (see <see cref="ClaimItems"/>). Expires after <see cref="ClaimRetention"/>.</description></item>
/// <item><term><c>sk = OUTBOX#&lt;announcement id&gt;</c></term><description>One announcement the outcome
/// owes and how far it got (see <see cref="OutboxItems"/>). Expires with the audit record.</description></item>
/// <item><term><c>sk = AUDIT</c></term><description>The audit record: <c>record</c> (JSON of
/// <see cref="AuditRecord"/>) plus <c>outcome</c>, <c>account</c>, <c>recordedAt</c> for reading at a glance.
/// Expires after <see cref="AuditRetention"/>.</description></item>
/// <item><term><c>sk = PENDING#&lt;policy id&gt;#&lt;resource id&gt;</c></term><description>A remediation
/// awaiting approval: <c>record</c> (JSON of <see cref="PendingAction"/>), <c>status</c> (<c>pending</c>,
/// <c>approved</c>, <c>denied</c>, <c>expired</c>; changed only by conditional updates), <c>requestExpiresAt</c>
/// (epoch seconds: when the request lapses), <c>slackChannel</c>/<c>slackTs</c> (the approval message),
/// <c>handledBy</c>/<c>handledAt</c>, and <c>expiresAt</c> a day after the request lapses.</description></item>
/// <item><term><c>sk = CLICK#&lt;time&gt;#&lt;id&gt;</c></term><description>The audit record of a Slack click on
/// the event's message (<see cref="InteractionAuditRecord"/>). Interactions naming no event (forged,
/// malformed) live under <c>pk = INTERACTIONS#&lt;yyyy-MM-dd&gt;</c>.</description></item>
/// </list>
/// </remarks>
/// <param name="dynamoDb">The DynamoDB client.</param>
/// <param name="tableName">The table.</param>
/// <param name="clock">The clock (leases, expiry).</param>
/// <param name="lease">How long a claim or an announcement being sent keeps other attempts out; by default that of a 60 s function.</param>
public sealed class DynamoDbStateStore(IAmazonDynamoDB dynamoDb, string tableName, TimeProvider clock, ClaimLease? lease = null) : IStateStore
{
    /// <summary>
    /// How long an event id stays known, so later duplicates are recognised: longer than a message can
    /// live in the dead-letter queue (14 days) plus a week to redrive it, so a redriven event still
    /// finds its claim. Older events are refused (<see cref="OldestAccepted"/>).
    /// </summary>
    public static readonly TimeSpan ClaimRetention = TimeSpan.FromDays(21);

    /// <summary>The oldest event the pipeline accepts: a day inside <see cref="ClaimRetention"/>, so its claim cannot have expired.</summary>
    public static readonly TimeSpan OldestAccepted = ClaimRetention - TimeSpan.FromDays(1);

    /// <summary>How long audit records are kept.</summary>
    public static readonly TimeSpan AuditRetention = TimeSpan.FromDays(400);

    // The most writes one TransactWriteItems may hold (DynamoDB's limit).
    private const int MaxTransactionWrites = 100;

    private static readonly ClaimLease DefaultLease = ClaimLease.ForFunction(TimeSpan.FromSeconds(60));

    private readonly ClaimItems _claims = new(dynamoDb, tableName, clock, lease ?? DefaultLease, ClaimRetention);
    private readonly OutboxItems _outbox = new(dynamoDb, tableName, clock, lease ?? DefaultLease, AuditRetention);

    /// <summary>The lease claims are taken with.</summary>
    public ClaimLease Lease { get; } = lease ?? DefaultLease;

    /// <summary>Creates the table with the schema above and its TTL, unless it exists.</summary>
    public async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.CreateTableAsync(new CreateTableRequest
            {
                TableName = tableName,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("sk", ScalarAttributeType.S)],
                KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
            }, cancellationToken);
            await dynamoDb.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
            {
                TableName = tableName,
                TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = "expiresAt", Enabled = true },
            }, cancellationToken);
        }
        catch (ResourceInUseException)
        {
            // Already there.
        }
    }

    /// <inheritdoc />
    public Task<ClaimOutcome> TryClaimAsync(string eventId, string owner, CancellationToken cancellationToken) =>
        _claims.TryClaimAsync(eventId, owner, cancellationToken);

    /// <inheritdoc />
    public Task CompleteClaimAsync(string eventId, string owner, CancellationToken cancellationToken) =>
        _claims.CompleteAsync(eventId, owner, cancellationToken);

    /// <inheritdoc />
    public Task ReleaseClaimAsync(string eventId, string owner, CancellationToken cancellationToken) =>
        _claims.ReleaseAsync(eventId, owner, cancellationToken);

    /// <summary>
    /// Claims still <c>processing</c> whose lease lapsed before <paramref name="before"/>: attempts that
    /// died and whose message never came back (for the stuck-claims alarm). A scan, for the schedule.
    /// </summary>
    public Task<IReadOnlyList<(string EventId, DateTimeOffset LeaseUntil)>> ReadLapsedClaimsAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        _claims.ReadLapsedAsync(before, cancellationToken);

    /// <inheritdoc />
    public Task OweAnnouncementsAsync(string eventId, IReadOnlyList<Announcement> announcements, CancellationToken cancellationToken) =>
        _outbox.OweAsync(eventId, announcements, cancellationToken);

    /// <inheritdoc />
    public Task<OwedAnnouncements> OweAndTakeAnnouncementsAsync(string eventId, IReadOnlyList<Announcement> announcements, string owner, CancellationToken cancellationToken) =>
        _outbox.OweAndTakeAsync(eventId, announcements, owner, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AnnouncementState>> ReadAnnouncementsAsync(string eventId, CancellationToken cancellationToken) =>
        _outbox.ReadAsync(eventId, cancellationToken);

    /// <inheritdoc />
    public Task<bool> TryTakeAnnouncementAsync(string eventId, string announcementId, string owner, CancellationToken cancellationToken) =>
        _outbox.TryTakeAsync(eventId, announcementId, owner, cancellationToken);

    /// <inheritdoc />
    public Task<AnnouncementState?> SettleAnnouncementAsync(string eventId, string announcementId, AnnouncementStatus status, string? error, string? reference, CancellationToken cancellationToken) =>
        _outbox.SettleAsync(eventId, announcementId, status, error, reference, cancellationToken);

    /// <inheritdoc />
    public async Task WriteAuditAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);

        var request = new PutItemRequest { TableName = tableName, Item = AuditItem(record) };
        if (record.Provisional)
        {
            // A provisional record never replaces a final one: a late copy of this very request (sent
            // again after a timeout, arriving after the final record) would otherwise undo the outcome.
            request.ConditionExpression = "attribute_not_exists(pk) OR provisional = :true";
            request.ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":true"] = new() { BOOL = true } };
        }

        try
        {
            await dynamoDb.PutItemAsync(request, cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            throw new AuditRecordSupersededException(record.EventId);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// One <c>TransactWriteItems</c>: the record's put and the outbox items' conditional puts, so a
    /// first delivery records its outcome and what it owes in one round trip, and neither without the
    /// other. When an announcement is already recorded (an earlier attempt, or this very transaction
    /// resent after its answer was lost) the transaction is refused whole and the record and outbox are
    /// written the two-step way, which keeps what is recorded. A provisional record, or more
    /// announcements than one transaction holds, go the two-step way from the start.
    /// </remarks>
    public async Task<OwedAnnouncements> WriteAuditAndOweAsync(AuditRecord record, IReadOnlyList<Announcement> announcements, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(announcements);
        if (!record.Provisional && announcements.Count < MaxTransactionWrites)
        {
            try
            {
                await dynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest
                {
                    TransactItems = [new TransactWriteItem { Put = new Put { TableName = tableName, Item = AuditItem(record) } }, .. _outbox.CreateTakenWrites(record.EventId, announcements, owner)],
                }, cancellationToken);
                return new OwedAnnouncements(announcements.Select(a => a.Id).ToHashSet(StringComparer.Ordinal), []);
            }
            catch (TransactionCanceledException)
            {
                // An announcement is recorded already (or another write touched an item at that moment):
                // this transaction wrote nothing, and the two-step writes keep what is there and say what it was.
            }
        }

        await WriteAuditAsync(record, cancellationToken);
        return await _outbox.OweAndTakeAsync(record.EventId, announcements, owner, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<AuditRecord?> ReadAuditAsync(string eventId, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest { TableName = tableName, Key = Key(eventId, "AUDIT"), ConsistentRead = true }, cancellationToken);
        if (response.Item is not { Count: > 0 } item || !item.TryGetValue("record", out var json))
        {
            return null;
        }

        var record = JsonSerializer.Deserialize(json.S, AuditJsonContext.Default.AuditRecord)!;
        return record with { Announcements = await _outbox.ReadAsync(eventId, cancellationToken) };
    }

    /// <inheritdoc />
    public Task SavePendingAsync(PendingAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        return dynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = tableName,
            Item = new Dictionary<string, AttributeValue>(Key(action.EventId, PendingSortKey(action.PolicyId, action.ResourceId)))
            {
                ["record"] = new AttributeValue(JsonSerializer.Serialize(action, AuditJsonContext.Default.PendingAction)),
                ["status"] = new AttributeValue(StatusText(PendingStatus.Pending)),
                ["requestExpiresAt"] = Number(action.ExpiresAt),
                ["expiresAt"] = Number(action.ExpiresAt + TimeSpan.FromDays(1)),
            },
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PendingAction>> ReadPendingAsync(string eventId, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = tableName,
            KeyConditionExpression = "pk = :pk AND begins_with(sk, :pending)",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":pk"] = new AttributeValue("EVENT#" + eventId),
                [":pending"] = new AttributeValue("PENDING#"),
            },
            ConsistentRead = true,
        }, cancellationToken);
        return [.. (response.Items ?? []).Select(i => JsonSerializer.Deserialize(i["record"].S, AuditJsonContext.Default.PendingAction)!)];
    }

    /// <inheritdoc />
    public async Task<StoredPendingAction?> ReadPendingActionAsync(string eventId, string policyId, string resourceId, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest { TableName = tableName, Key = Key(eventId, PendingSortKey(policyId, resourceId)), ConsistentRead = true }, cancellationToken);
        return response.Item is { Count: > 0 } item ? ToStored(item) : null;
    }

    /// <inheritdoc />
    public Task AttachSlackMessageAsync(PendingAction action, SlackMessageLocation message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(message);
        return dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = Key(action.EventId, PendingSortKey(action.PolicyId, action.ResourceId)),
            UpdateExpression = "SET slackChannel = :channel, slackTs = :ts",
            ConditionExpression = "attribute_exists(pk)",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":channel"] = new AttributeValue(message.Channel),
                [":ts"] = new AttributeValue(message.Ts),
            },
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> TryMovePendingAsync(PendingAction action, PendingStatus from, PendingStatus to, string? byUserId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var values = new Dictionary<string, AttributeValue>
        {
            [":from"] = new AttributeValue(StatusText(from)),
            [":to"] = new AttributeValue(StatusText(to)),
        };
        string update;
        if (to == PendingStatus.Pending)
        {
            update = "SET #status = :to REMOVE handledBy, handledAt";
        }
        else
        {
            values[":at"] = new AttributeValue(at.ToString("O", CultureInfo.InvariantCulture));
            update = "SET #status = :to, handledAt = :at";
            if (byUserId is not null)
            {
                values[":by"] = new AttributeValue(byUserId);
                update += ", handledBy = :by";
            }
        }

        try
        {
            await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key(action.EventId, PendingSortKey(action.PolicyId, action.ResourceId)),
                UpdateExpression = update,
                ConditionExpression = "#status = :from",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#status"] = "status" },
                ExpressionAttributeValues = values,
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredPendingAction>> ReadLapsedPendingAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The sweeper runs on a schedule; a scan over a table of short-lived items is affordable there.
        var items = await StateItems.ScanAllAsync(dynamoDb, new ScanRequest
        {
            TableName = tableName,
            FilterExpression = "begins_with(sk, :pending) AND #status = :status AND requestExpiresAt <= :now",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#status"] = "status" },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":pending"] = new AttributeValue("PENDING#"),
                [":status"] = new AttributeValue(StatusText(PendingStatus.Pending)),
                [":now"] = Number(now),
            },
            ConsistentRead = true,
        }, cancellationToken);
        return [.. items.Select(ToStored)];
    }

    /// <inheritdoc />
    public Task WriteInteractionAsync(InteractionAuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var pk = record.EventId is { Length: > 0 } eventId ? "EVENT#" + eventId : UnattributedPartition(DateOnly.FromDateTime(record.RecordedAt.UtcDateTime));
        return dynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = tableName,
            Item = new Dictionary<string, AttributeValue>
            {
                ["pk"] = new AttributeValue(pk),
                ["sk"] = new AttributeValue($"CLICK#{record.RecordedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}#{record.Id}"),
                ["record"] = new AttributeValue(JsonSerializer.Serialize(record, AuditJsonContext.Default.InteractionAuditRecord)),
                ["result"] = new AttributeValue(record.Result.ToString()),
                ["expiresAt"] = Number(record.RecordedAt + AuditRetention),
            },
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<InteractionAuditRecord>> ReadInteractionsAsync(string eventId, CancellationToken cancellationToken) =>
        QueryInteractionsAsync("EVENT#" + eventId, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<InteractionAuditRecord>> ReadUnattributedInteractionsAsync(DateOnly day, CancellationToken cancellationToken) =>
        QueryInteractionsAsync(UnattributedPartition(day), cancellationToken);

    private async Task<IReadOnlyList<InteractionAuditRecord>> QueryInteractionsAsync(string pk, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = tableName,
            KeyConditionExpression = "pk = :pk AND begins_with(sk, :click)",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":pk"] = new AttributeValue(pk),
                [":click"] = new AttributeValue("CLICK#"),
            },
            ConsistentRead = true,
        }, cancellationToken);
        return [.. (response.Items ?? []).Select(i => JsonSerializer.Deserialize(i["record"].S, AuditJsonContext.Default.InteractionAuditRecord)!)];
    }

    private static StoredPendingAction ToStored(Dictionary<string, AttributeValue> item)
    {
        var action = JsonSerializer.Deserialize(item["record"].S, AuditJsonContext.Default.PendingAction)!;
        var status = Enum.Parse<PendingStatus>(item.TryGetValue("status", out var s) ? s.S : "pending", ignoreCase: true);
        var message = item.TryGetValue("slackChannel", out var channel) && item.TryGetValue("slackTs", out var ts) ? new SlackMessageLocation(channel.S, ts.S) : null;
        var handledBy = item.TryGetValue("handledBy", out var by) ? by.S : null;
        DateTimeOffset? handledAt = item.TryGetValue("handledAt", out var at) ? DateTimeOffset.Parse(at.S, CultureInfo.InvariantCulture) : null;
        return new StoredPendingAction(action, status, message, handledBy, handledAt);
    }

    // The audit item. The outbox lives in its own items; the record never carries a stale copy of it.
    private static Dictionary<string, AttributeValue> AuditItem(AuditRecord record)
    {
        record = AuditText.Fit(record) with { Announcements = [] };
        return new Dictionary<string, AttributeValue>(Key(record.EventId, "AUDIT"))
        {
            ["record"] = new AttributeValue(JsonSerializer.Serialize(record, AuditJsonContext.Default.AuditRecord)),
            ["outcome"] = new AttributeValue(record.Outcome.ToString()),
            ["account"] = new AttributeValue(record.Account.Length == 0 ? "-" : record.Account),
            ["recordedAt"] = new AttributeValue(record.RecordedAt.ToString("O", CultureInfo.InvariantCulture)),
            ["provisional"] = new AttributeValue { BOOL = record.Provisional },
            ["expiresAt"] = Number(record.RecordedAt + AuditRetention),
        };
    }

    private static string PendingSortKey(string policyId, string resourceId) => $"PENDING#{policyId}#{resourceId}";

    private static string UnattributedPartition(DateOnly day) => "INTERACTIONS#" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string StatusText(PendingStatus status) => status.ToString().ToLowerInvariant();

    private static Dictionary<string, AttributeValue> Key(string eventId, string sortKey) => StateItems.Key(eventId, sortKey);

    private static AttributeValue Number(DateTimeOffset time) => StateItems.Number(time);
}
