using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using OpsBot.Functions.Audit;
using OpsBot.Functions.State;

namespace OpsBot.Functions.Holds;

/// <summary>
/// What OpsBot is holding back, read from the state table: live exemptions and suppressions
/// (<see cref="HoldStore"/>), and the violations the brakes held (audit decisions with outcome
/// <see cref="AuditOutcome.Held"/>, or the one that escalated a fight or announced a blast-radius batch)
/// whose window has not ended yet.
/// </summary>
/// <param name="dynamoDb">The DynamoDB client.</param>
/// <param name="tableName">The state table.</param>
public sealed partial class HoldsListing(IAmazonDynamoDB dynamoDb, string tableName)
{
    /// <summary>Everything held at <paramref name="now"/>: exemptions, suppressions, held actions, each soonest to end first.</summary>
    public async Task<IReadOnlyList<HeldAction>> ListAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var holds = await new HoldStore(dynamoDb, tableName).ListLiveAsync(now, cancellationToken);
        var rows = holds
            .Select(h => new HeldAction(h.Kind == HoldKind.Exemption ? "exemption" : "suppression", h.Account, h.Region, h.ResourceId, h.PolicyId, h.By, h.Reason, h.Until, h.AuditId))
            .ToList();
        rows.AddRange(await HeldByBrakesAsync(now, cancellationToken));
        return [.. rows.OrderBy(r => r.Kind switch { "exemption" => 0, "suppression" => 1, _ => 2 }).ThenBy(r => r.Until ?? DateTimeOffset.MaxValue)];
    }

    private async Task<IEnumerable<HeldAction>> HeldByBrakesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var items = await StateItems.ScanAllAsync(dynamoDb, new ScanRequest
        {
            TableName = tableName,
            FilterExpression = "sk = :audit AND (outcome = :held OR outcome = :notified)",
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":audit"] = new AttributeValue("AUDIT"),
                [":held"] = new AttributeValue(nameof(AuditOutcome.Held)),
                [":notified"] = new AttributeValue(nameof(AuditOutcome.Notified)),
            },
        }, cancellationToken);
        var rows = new List<HeldAction>();
        foreach (var json in items.Select(i => StateItems.Text(i, "record")).OfType<string>())
        {
            var record = JsonSerializer.Deserialize(json, AuditJsonContext.Default.AuditRecord);
            foreach (var decision in record?.Decisions.Where(IsBrakeHold) ?? [])
            {
                var until = Until(decision.Reason);
                if (until is null || until > now)
                {
                    rows.Add(new HeldAction("held", record!.Account, record.Region, decision.ResourceId, decision.PolicyId, record.Actor.Arn.Length > 0 ? record.Actor.Arn : "(unknown)", decision.Reason, until, record.EventId));
                }
            }
        }

        return rows;
    }

    // A brake held it: later ones in a window are Held; the first (the escalation, the batch) is notified with the brake's reason.
    private static bool IsBrakeHold(AuditDecision decision) =>
        decision.Outcome == AuditOutcome.Held
        || (decision.Outcome == AuditOutcome.Notified && (decision.Reason.StartsWith("FIGHT: held", StringComparison.Ordinal) || decision.Reason.StartsWith("BLAST RADIUS: held", StringComparison.Ordinal)));

    private static DateTimeOffset? Until(string reason) =>
        UntilPattern().Match(reason) is { Success: true } match
            ? DateTimeOffset.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
            : null;

    [GeneratedRegex("until ([0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}Z)")]
    private static partial Regex UntilPattern();
}
