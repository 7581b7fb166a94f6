using OpsBot.Functions.Audit;
using OpsBot.Functions.Lambda;
using OpsBot.Functions.Outbox;
using OpsBot.Functions.Sweep;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Observability;

/// <summary>
/// Where the functions report what they decided and what went wrong: each final audit record becomes
/// per-policy outcome metrics (<see cref="IOutcomeMetrics"/>) and one structured log line per decision;
/// messages that will be retried, given-up announcements, Slack clicks and sweeps become log lines too.
/// The pipeline calls <see cref="Decided"/> once per record it writes, so a redelivery that only sends
/// what is still owed counts nothing again.
/// </summary>
/// <param name="policies">The policies in force (which policies an event triggered, their resource types).</param>
/// <param name="metrics">Where the outcome metrics go.</param>
/// <param name="log">Where the log lines go.</param>
/// <param name="clock">The clock (the latency's end).</param>
public sealed class OutcomeObserver(PolicySet policies, IOutcomeMetrics metrics, StructuredLog log, TimeProvider clock)
{
    /// <summary>An observer that writes metrics and logs to <paramref name="output"/> (stdout on Lambda).</summary>
    public static OutcomeObserver To(TextWriter output, PolicySet policies, TimeProvider clock, string? function = null) =>
        new(policies, new EmbeddedMetricOutcomeMetrics(output, clock), new StructuredLog(output, clock, function), clock);

    /// <summary>The structured log.</summary>
    public StructuredLog Log => log;

    /// <summary>A final audit record was written: its metrics and one log line per decision (or one for the record).</summary>
    public void Decided(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        foreach (var outcome in PolicyOutcomes.Of(policies, record, clock.GetUtcNow()))
        {
            metrics.Outcome(record.EventId, outcome);
        }

        if (record.Decisions.Count == 0)
        {
            log.Write(Line(record, $"{record.EventName} {Lower(record.Outcome)}") with
            {
                Level = LevelOf(record.Outcome),
                Resource = record.Resources.Count > 0 ? string.Join(",", record.Resources) : null,
                Outcome = Lower(record.Outcome),
                Reason = record.Reason,
            });
            return;
        }

        foreach (var decision in record.Decisions)
        {
            log.Write(Line(record, $"{decision.PolicyId} {Lower(decision.Outcome)} {decision.ResourceId}") with
            {
                Level = LevelOf(decision.Outcome),
                Policy = decision.PolicyId,
                Resource = decision.ResourceId,
                Outcome = Lower(decision.Outcome),
                Reason = decision.Reason,
            });
        }
    }

    /// <summary>A decision was settled after the event (approved, denied, expired, undone): a fix or failure is counted, and it is logged.</summary>
    public void Settled(AuditRecord record, AuditDecision settled)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(settled);
        if (PolicyOutcomes.OfSettlement(policies, record, settled, clock.GetUtcNow()) is { } outcome)
        {
            metrics.Outcome(record.EventId, outcome);
        }

        log.Write(Line(record, $"{settled.PolicyId} settled {Lower(settled.Outcome)} {settled.ResourceId}") with
        {
            Level = LevelOf(settled.Outcome),
            Policy = settled.PolicyId,
            Resource = settled.ResourceId,
            Outcome = Lower(settled.Outcome),
            Reason = settled.Reason,
        });
    }

    /// <summary>Logs a message the event handler could not finish (it will be delivered again); hook it to <see cref="EventHandlerFunction.MessageProcessed"/>.</summary>
    public void OnMessageProcessed(object? sender, MessageProcessedEventArgs e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Error is { } error)
        {
            log.Write(new LogEntry
            {
                Level = Warning,
                Message = "message not finished, it will be delivered again",
                MessageId = e.MessageId,
                Reason = $"{error.GetType().Name}: {error.Message}",
            });
        }
    }

    /// <summary><paramref name="inner"/>, also counting each given-up announcement per policy and logging it.</summary>
    public IDeliveryMetrics Watch(IDeliveryMetrics inner) => new ObservedDeliveryMetrics(inner, policies, metrics, log);

    /// <summary>Logs a Slack click as its interaction audit record has it.</summary>
    public void Clicked(InteractionAuditRecord interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        log.Write(new LogEntry
        {
            Level = interaction.Result is InteractionResult.Failed ? StructuredLog.Error : interaction.Errors.Count > 0 ? Warning : StructuredLog.Info,
            Message = $"slack {interaction.ActionId ?? "request"} {interaction.Result.ToString().ToLowerInvariant()}",
            EventId = interaction.EventId,
            Policy = interaction.PolicyId,
            Resource = interaction.ResourceId,
            Outcome = interaction.Result.ToString().ToLowerInvariant(),
            AuditId = interaction.Id,
            Reason = interaction.Errors.Count > 0 ? $"{interaction.Reason}; {string.Join("; ", interaction.Errors)}" : interaction.Reason,
        });
    }

    /// <summary>Logs a sweep for missed violations: one line with its counts, and one warning per account, region or resource it could not sweep.</summary>
    public void Swept(MissedViolationSweepResult? sweep)
    {
        if (sweep is null)
        {
            log.Write(new LogEntry { Message = "sweep skipped: no account to sweep (Organizations off and none configured)" });
            return;
        }

        log.Write(new LogEntry
        {
            Level = sweep.Errors.Count > 0 || sweep.StoppedEarly is not null ? Warning : StructuredLog.Info,
            Message = $"swept {sweep.Accounts.Count} account(s): {sweep.Resources} resource(s) read, {sweep.Violating} violating, {sweep.Acted} acted on, {sweep.AlreadyKnown} already known",
            Outcome = sweep.StoppedEarly is null ? "complete" : "stopped-early",
            Reason = sweep.StoppedEarly,
        });
        foreach (var error in sweep.Errors)
        {
            log.Write(new LogEntry { Level = Warning, Message = "not swept", Reason = error });
        }
    }

    private const string Warning = StructuredLog.Warning;

    private static LogEntry Line(AuditRecord record, string message) => new()
    {
        Message = message,
        EventId = record.EventId,
        Account = record.Account.Length > 0 ? record.Account : null,
        Region = record.Region.Length > 0 ? record.Region : null,
        AuditId = record.EventId,
    };

    private static string LevelOf(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Failed => StructuredLog.Error,
        AuditOutcome.Rejected => Warning,
        _ => StructuredLog.Info,
    };

    private static string Lower(AuditOutcome outcome) => outcome.ToString().ToLowerInvariant();
}
