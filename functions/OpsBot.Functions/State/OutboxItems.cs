using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using OpsBot.Functions.Audit;

namespace OpsBot.Functions.State;

/// <summary>
/// The outbox of the state table (<c>sk = OUTBOX#&lt;announcement id&gt;</c>): one item per announcement an
/// outcome owes, with <c>status</c> (<c>owed</c>, <c>sending</c> with <c>owner</c> and <c>leaseUntil</c>,
/// <c>sent</c>, <c>givenup</c>), <c>attempts</c>, <c>lastError</c>, <c>sentAt</c> and <c>reference</c>.
/// </summary>
internal sealed class OutboxItems(IAmazonDynamoDB dynamoDb, string tableName, TimeProvider clock, ClaimLease lease, TimeSpan retention)
{
    private const string Prefix = "OUTBOX#";

    // Refuses a write that would overwrite an announcement already recorded.
    private const string NewItem = "attribute_not_exists(pk)";

    public async Task OweAsync(string eventId, IReadOnlyList<Announcement> announcements, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var announcement in announcements)
        {
            try
            {
                await dynamoDb.PutItemAsync(new PutItemRequest
                {
                    TableName = tableName,
                    Item = new Dictionary<string, AttributeValue>(StateItems.Key(eventId, Prefix + announcement.Id))
                    {
                        ["announcement"] = new AttributeValue(JsonSerializer.Serialize(announcement, AuditJsonContext.Default.Announcement)),
                        ["status"] = new AttributeValue(Text(AnnouncementStatus.Owed)),
                        ["attempts"] = StateItems.Number(0),
                        ["expiresAt"] = StateItems.Number(now + retention),
                    },
                    ConditionExpression = "attribute_not_exists(pk)",
                }, cancellationToken);
            }
            catch (ConditionalCheckFailedException)
            {
                // Recorded by an earlier attempt (or by this one, retried): it keeps its state.
            }
        }
    }

    public async Task<OwedAnnouncements> OweAndTakeAsync(string eventId, IReadOnlyList<Announcement> announcements, string owner, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        // Different items, so the writes go out at once: one round trip, however many are owed.
        var met = await Task.WhenAll(announcements.Select(a => CreateTakenAsync(eventId, a, owner, now, cancellationToken)));
        var taken = announcements.Where((_, i) => met[i] is { Created: true }).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        if (met.All(m => m.Created || m.Earlier is not null))
        {
            return new OwedAnnouncements(taken, [.. met.Where(m => m.Earlier is not null).Select(m => m.Earlier!)]);
        }

        // A refused write that did not say what it met (an older emulator): read the outbox instead.
        var outbox = await ReadAsync(eventId, cancellationToken);
        return new OwedAnnouncements(taken, [.. outbox.Where(s => !taken.Contains(s.Announcement.Id))]);
    }

    // Created: recorded by this call, already sending for owner. Otherwise what an earlier attempt recorded, when the answer says.
    private async Task<(bool Created, AnnouncementState? Earlier)> CreateTakenAsync(string eventId, Announcement announcement, string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = tableName,
                Item = TakenItem(eventId, announcement, owner, now),
                ConditionExpression = NewItem,
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            }, cancellationToken);
            return (true, null);
        }
        catch (ConditionalCheckFailedException ex)
        {
            // Recorded by an earlier attempt, or by this very write retried after its answer was lost
            // (then it is sending for this owner, and the usual take gets it again).
            return (false, ex.Item is { Count: > 0 } item && item.ContainsKey("announcement") ? ToState(item) : null);
        }
    }

    /// <summary>
    /// The writes that create <paramref name="announcements"/> already taken for <paramref name="owner"/>
    /// (as <see cref="OweAndTakeAsync"/> does), for a transaction that records them with their audit record.
    /// Each is refused if the announcement is already recorded.
    /// </summary>
    public IReadOnlyList<TransactWriteItem> CreateTakenWrites(string eventId, IReadOnlyList<Announcement> announcements, string owner)
    {
        var now = clock.GetUtcNow();
        return [.. announcements.Select(a => new TransactWriteItem { Put = new Put { TableName = tableName, Item = TakenItem(eventId, a, owner, now), ConditionExpression = NewItem } })];
    }

    public async Task<IReadOnlyList<AnnouncementState>> ReadAsync(string eventId, CancellationToken cancellationToken)
    {
        var states = new List<AnnouncementState>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamoDb.QueryAsync(new QueryRequest
            {
                TableName = tableName,
                KeyConditionExpression = "pk = :pk AND begins_with(sk, :outbox)",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":pk"] = new AttributeValue("EVENT#" + eventId),
                    [":outbox"] = new AttributeValue(Prefix),
                },
                ExclusiveStartKey = start,
                ConsistentRead = true,
            }, cancellationToken);
            states.AddRange((page.Items ?? []).Select(ToState));
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);

        return states;
    }

    public async Task<bool> TryTakeAsync(string eventId, string announcementId, string owner, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        try
        {
            await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = StateItems.Key(eventId, Prefix + announcementId),
                UpdateExpression = "SET #status = :sending, #owner = :owner, leaseUntil = :until ADD attempts :one",
                ConditionExpression = "#status = :owed OR (#status = :sending AND (leaseUntil < :now OR #owner = :owner))",
                ExpressionAttributeNames = new Dictionary<string, string> { ["#status"] = "status", ["#owner"] = "owner" },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                {
                    [":sending"] = new AttributeValue(Text(AnnouncementStatus.Sending)),
                    [":owed"] = new AttributeValue(Text(AnnouncementStatus.Owed)),
                    [":owner"] = new AttributeValue(owner),
                    [":until"] = StateItems.Number(now + lease.Lease),
                    [":now"] = StateItems.Number(now),
                    [":one"] = StateItems.Number(1),
                },
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    public async Task<AnnouncementState?> SettleAsync(string eventId, string announcementId, AnnouncementStatus status, string? error, string? reference, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, AttributeValue>
        {
            [":status"] = new AttributeValue(Text(status)),
            [":sent"] = new AttributeValue(Text(AnnouncementStatus.Sent)),
            [":givenup"] = new AttributeValue(Text(AnnouncementStatus.GivenUp)),
        };
        var update = "SET #status = :status";
        if (error is not null)
        {
            values[":error"] = new AttributeValue(AuditText.Cap(error, AuditText.MaxLine));
            update += ", lastError = :error";
        }

        if (status == AnnouncementStatus.Sent)
        {
            values[":at"] = new AttributeValue(clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            update += ", sentAt = :at";
            if (reference is not null)
            {
                values[":reference"] = new AttributeValue(AuditText.Cap(reference, AuditText.MaxLine));
                update += ", #reference = :reference";
            }
        }

        try
        {
            var response = await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = StateItems.Key(eventId, Prefix + announcementId),
                UpdateExpression = update + " REMOVE leaseUntil",

                // What the item is now, so a caller that settled every announcement need not read them back.
                ReturnValues = ReturnValue.ALL_NEW,

                // Sent and given up are final: a late copy of an earlier failure's update must not reopen them.
                ConditionExpression = "attribute_exists(pk) AND #status <> :sent AND #status <> :givenup",
                ExpressionAttributeNames = status == AnnouncementStatus.Sent && reference is not null
                    ? new Dictionary<string, string> { ["#status"] = "status", ["#reference"] = "reference" }
                    : new Dictionary<string, string> { ["#status"] = "status" },
                ExpressionAttributeValues = values,
            }, cancellationToken);
            return response.Attributes is { Count: > 0 } item && item.ContainsKey("announcement") ? ToState(item) : null;
        }
        catch (ConditionalCheckFailedException)
        {
            // Already sent or given up (or this very update, resent after its answer was lost): final, keep it.
            return null;
        }
    }

    // An announcement recorded and taken at once: sending for owner, attempt 1, leased.
    private Dictionary<string, AttributeValue> TakenItem(string eventId, Announcement announcement, string owner, DateTimeOffset now) =>
        new(StateItems.Key(eventId, Prefix + announcement.Id))
        {
            ["announcement"] = new AttributeValue(JsonSerializer.Serialize(announcement, AuditJsonContext.Default.Announcement)),
            ["status"] = new AttributeValue(Text(AnnouncementStatus.Sending)),
            ["owner"] = new AttributeValue(owner),
            ["leaseUntil"] = StateItems.Number(now + lease.Lease),
            ["attempts"] = StateItems.Number(1),
            ["expiresAt"] = StateItems.Number(now + retention),
        };

    private static AnnouncementState ToState(Dictionary<string, AttributeValue> item)
    {
        var announcement = JsonSerializer.Deserialize(item["announcement"].S, AuditJsonContext.Default.Announcement)!;
        var status = StateItems.Text(item, "status") switch
        {
            "sending" => AnnouncementStatus.Sending,
            "sent" => AnnouncementStatus.Sent,
            "givenup" => AnnouncementStatus.GivenUp,
            _ => AnnouncementStatus.Owed,
        };
        var attempts = item.TryGetValue("attempts", out var n) ? int.Parse(n.N, CultureInfo.InvariantCulture) : 0;
        DateTimeOffset? sentAt = StateItems.Text(item, "sentAt") is { } at ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture) : null;
        return new AnnouncementState(announcement, status, attempts, StateItems.Text(item, "lastError"), sentAt, StateItems.Text(item, "reference"));
    }

    private static string Text(AnnouncementStatus status) => status.ToString().ToLowerInvariant();
}
