using System.Globalization;
using OpsBot.Functions.Approvals;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Pipeline;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.State;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Brakes;

/// <summary>
/// The Reset breaker button on the one message that announced a trip: a breaker approver resets that
/// trip (not a later one), enforcement resumes, the breaker keeps who reset it and when, the trip's audit
/// record says so, and the message is updated.
/// </summary>
/// <remarks>
/// Who may reset: the Slack user ids in <c>OPSBOT_BREAKER_APPROVERS</c>, or OpsBot's undo users when that
/// is unset (see <see cref="BrakeSettings.BreakerApprovers"/>). The reset is a conditional write on the
/// trip's time, so a second click, or a click on an old trip's message after the breaker tripped again,
/// changes nothing and is refused.
/// </remarks>
/// <param name="policies">The policies as loaded now (for the message's facts).</param>
/// <param name="state">The state table.</param>
/// <param name="counters">The breaker.</param>
/// <param name="approvers">Who may reset it.</param>
/// <param name="clock">The clock.</param>
public sealed class BreakerReset(PolicySet policies, IStateStore state, BrakeCounters counters, IReadOnlyList<string> approvers, TimeProvider clock)
{
    /// <summary>Handles a click on Reset breaker by <paramref name="userId"/> on the message of the decision <paramref name="target"/>.</summary>
    /// <exception cref="Exception">A state-table failure; nothing was reset.</exception>
    public async Task<ClickOutcome> ResetAsync(SlackActionValue target, string userId, ApproverCheck mayAct, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(mayAct);
        var record = await state.ReadAuditAsync(target.EventId, cancellationToken);
        var decision = record?.Decisions.FirstOrDefault(d => d.PolicyId == target.PolicyId && d.ResourceId == target.ResourceId);
        if (record is null || decision?.BreakerTrippedAt is not { } trippedAt)
        {
            return ClickOutcome.Refused($"no breaker trip recorded for {target}", "OpsBot has no record of a circuit-breaker trip for this message; nothing was changed.");
        }

        if (await mayAct(approvers, userId, cancellationToken) is { Allowed: false } check)
        {
            return ClickOutcome.Refused(
                $"{userId} may not reset the circuit breaker: not a breaker approver (approvers: {(approvers.Count == 0 ? "none configured" : string.Join(", ", approvers))}){check.Problem}",
                "Only OpsBot's breaker approvers can reset the circuit breaker; `opsbot brakes reset` works too.");
        }

        var now = clock.GetUtcNow();
        if (!await counters.TryResetTripAsync(trippedAt, userId, now, cancellationToken))
        {
            var breaker = await counters.ReadBreakerAsync(cancellationToken);
            return breaker.Tripped
                ? ClickOutcome.Refused($"{userId} clicked Reset on the trip of {Stamp(trippedAt)}, but the breaker tripped again at {Stamp(breaker.TrippedAt ?? now)}", "The breaker tripped again since this message; reset it from the newer message or with `opsbot brakes reset`.")
                : ClickOutcome.Refused($"{userId} clicked Reset, but the breaker is not tripped (last reset by {breaker.ResetBy} at {(breaker.ResetAt is { } at ? Stamp(at) : "never")})", breaker.ResetBy is { } by
                    ? $"Already reset by {(by.StartsWith("cli:", StringComparison.Ordinal) ? SlackMarkdown.Code(by) : SlackMarkdown.Mention(by))}; nothing was changed."
                    : "The breaker is not tripped; nothing was changed.");
        }

        var reason = $"circuit breaker reset by {userId} at {Stamp(now)}: policies act in their own modes again";
        var settled = decision with { Reason = $"{decision.Reason}; {reason}" };
        var updated = AuditOutcomes.Settle(record, settled, reason);
        await state.WriteAuditAsync(updated, cancellationToken);
        var policy = policies.Find(target.PolicyId);
        var update = policy is null ? null : new SlackResultUpdate(SlackResultKind.BreakerReset, SlackAlertFacts.From(updated, settled, policy), now, userId);
        return new ClickOutcome(InteractionResult.BreakerReset, reason, update, update is null ? "Circuit breaker reset: policies act in their own modes again." : null);
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
