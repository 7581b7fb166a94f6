using System.Text.Json;
using Amazon.SQS.Model;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Lambda;
using OpsBot.Functions.Runner;
using OpsBot.Rules.Events;

namespace OpsBot.Cli.Local.Scenarios;

/// <summary>
/// The steps every scenario shares on the local topology: send a CloudTrail record on the member
/// account's default bus, drain the central queue through the production runner, and show (and
/// check) the SNS alerts and the audit records, all on the timeline.
/// </summary>
public sealed class ScenarioRun(LocalTopology topology, Timeline timeline)
{
    /// <summary>The central and member resources the scenario runs against.</summary>
    public LocalTopology Topology => topology;

    /// <summary>Where the story is told.</summary>
    public Timeline Timeline => timeline;

    /// <summary>The member account the scenario's resources live in.</summary>
    public string Account => LocalTopology.MemberAccount;

    /// <summary>The region of the topology.</summary>
    public string Region => topology.Region;

    /// <summary>Puts <paramref name="detail"/> (a CloudTrail record) on the member account's default bus as <paramref name="source"/> (e.g. <c>aws.s3</c>).</summary>
    public async Task SendAsync(string source, string detail, CancellationToken cancellationToken)
    {
        using var record = JsonDocument.Parse(detail);
        var root = record.RootElement;
        using (var memberEvents = new EventBridgeAdmin(topology.MemberHttp, topology.Region))
        {
            await memberEvents.PutEventAsync("default", source, CloudTrailEventReader.ApiCallDetailType, detail, cancellationToken);
        }

        timeline.Step("member", $"CloudTrail: {root.GetProperty("eventName").GetString()} by {root.GetProperty("userIdentity").GetProperty("arn").GetString()} from {root.GetProperty("sourceIPAddress").GetString()} -> default bus");
        var queued = await topology.Sqs.GetQueueAttributesAsync(topology.EventQueueUrl, ["ApproximateNumberOfMessages"], cancellationToken);
        timeline.Step("central", $"forwarded to {LocalTopology.CentralBusName}, routed to opsbot-events: {queued.ApproximateNumberOfMessages} message(s) waiting");
    }

    /// <summary>Runs the production queue runner until the queue is empty; returns the ids of the events it decided.</summary>
    public async Task<IReadOnlyList<string>> DrainAsync(CancellationToken cancellationToken)
    {
        var eventIds = new List<string>();
        void OnProcessed(object? sender, MessageProcessedEventArgs e)
        {
            if (e.Result?.Audit is { } audit)
            {
                eventIds.Add(e.Result.EventId);
                timeline.Step("runner", $"event {e.Result.EventId}: {audit.Outcome.ToString().ToLowerInvariant()}{(audit.Decisions.Count == 0 ? " - " + Shorten(audit.Reason, 160) : $" ({audit.Decisions.Count} decision(s))")}");
            }
            else
            {
                timeline.Step("runner", e.Error is null ? $"message {e.MessageId}: duplicate, already handled" : $"message {e.MessageId} failed, left for redelivery: {e.Error.Message}");
            }
        }

        topology.Runtime.EventHandler.MessageProcessed += OnProcessed;
        try
        {
            var summary = await topology.Runtime.CreateQueueRunner(new QueueRunnerOptions(topology.EventQueueUrl, Drain: true)).RunAsync(cancellationToken);
            timeline.Step("runner", $"queue drained: {summary.Received} received, {summary.Deleted} done, {summary.Failed} failed");
        }
        finally
        {
            topology.Runtime.EventHandler.MessageProcessed -= OnProcessed;
        }

        return eventIds;
    }

    /// <summary>Shows the SNS alerts that reached the alert inbox; none is a problem.</summary>
    public async Task ShowAlertsAsync(List<string> problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var received = await topology.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = topology.AlertInboxUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 1 }, cancellationToken);
        var alerts = received.Messages ?? [];
        if (alerts.Count == 0)
        {
            problems.Add("no SNS alert arrived");
            return;
        }

        foreach (var message in alerts)
        {
            using var envelope = JsonDocument.Parse(message.Body);
            var subject = envelope.RootElement.TryGetProperty("Subject", out var s) ? s.GetString() : "(no subject)";
            timeline.Step("sns", $"alert on opsbot-alerts: {subject}");
            if (envelope.RootElement.TryGetProperty("Message", out var body))
            {
                foreach (var line in AlertText.Lines(body.GetString() ?? ""))
                {
                    timeline.Detail(line);
                }
            }
        }
    }

    /// <summary>Shows the audit record of each event; a missing record, or one whose outcome is not <paramref name="expected"/>, is a problem.</summary>
    public async Task ShowAuditAsync(IReadOnlyList<string> eventIds, AuditOutcome expected, List<string> problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        ArgumentNullException.ThrowIfNull(problems);
        if (eventIds.Count == 0)
        {
            problems.Add("the runner processed no event");
            return;
        }

        foreach (var eventId in eventIds)
        {
            var record = await topology.Runtime.StateStore.ReadAuditAsync(eventId, cancellationToken);
            if (record is null)
            {
                problems.Add($"no audit record for {eventId}");
                continue;
            }

            timeline.Step("audit", $"{record.EventId}: {record.Outcome} in {record.Account}/{record.Region}, actor {record.Actor.Arn} ({record.Actor.SourceIp})");
            // One line per decision; the full record (explanations, the state undo restores) is in the state table.
            foreach (var decision in record.Decisions)
            {
                timeline.Detail($"{decision.PolicyId} on {decision.ResourceId}: mode {decision.Mode}, {decision.Outcome.ToString().ToLowerInvariant()}{(decision.CompliantAfter is true ? ", compliant after" : decision.CompliantAfter is false ? ", still not compliant" : "")}");
            }

            if (record.Outcome != expected)
            {
                problems.Add($"audit record {eventId} says {record.Outcome}, expected {expected}");
            }
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
