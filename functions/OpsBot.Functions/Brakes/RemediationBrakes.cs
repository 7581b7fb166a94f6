using OpsBot.Functions.Audit;
using OpsBot.Functions.State;
using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Events;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Brakes;

/// <summary>
/// Asked before every automatic remediation: the circuit breaker (tripped: everything is notify), a
/// stack-owned resource the policy sends to approval, fight detection (the same policy remediating the
/// same resource too often: something keeps re-opening it), the blast radius per member account, and
/// the organization-wide rate that trips the breaker. Counters are fixed windows in the state table
/// (<see cref="BrakeCounters"/>), so they hold across concurrent functions.
/// </summary>
/// <remarks>
/// Each limit's first held violation in a window announces it (the fight's escalation, the account's
/// batch, the breaker's trip), marked by a conditional update so exactly one does; later ones in the
/// window are <see cref="AuditOutcome.Held"/>, recorded in the audit and not announced again. Each
/// action is counted by its event, policy and resource, so a redelivered event is not counted twice. A held
/// violation is not counted; a counted one that a later brake holds stays counted, so the counts err
/// on the side of acting less.
/// </remarks>
/// <param name="counters">The counters in the state table.</param>
/// <param name="settings">The account and organization limits.</param>
/// <param name="metrics">Where a trip is signalled.</param>
/// <param name="clock">The clock.</param>
/// <param name="held">Where violations held by the account limit are kept for release; null to keep them only in the audit.</param>
public sealed class RemediationBrakes(BrakeCounters counters, BrakeSettings settings, IBrakeMetrics metrics, TimeProvider clock, HeldViolations? held = null)
{
    private const string BreakerCounter = "RATE#organization";

    /// <summary>What to do about <paramref name="decision"/>, an automatic remediation of <paramref name="resource"/> about to be made for <paramref name="cloudTrailEvent"/>.</summary>
    public async Task<BrakeVerdict> CheckAsync(CloudTrailEvent cloudTrailEvent, PolicyDecision decision, object resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cloudTrailEvent);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(resource);
        var now = clock.GetUtcNow();
        var action = $"{cloudTrailEvent.Id}#{decision.Policy.Id}#{decision.ResourceId}";
        var fight = decision.Policy.Remediation.Fight;
        var fightCounter = $"FIGHT#{cloudTrailEvent.Account}#{cloudTrailEvent.Region}#{decision.Policy.Id}#{decision.ResourceId}";
        var fightWindow = BrakeCounters.WindowStart(now, fight.Within);
        var accountCounter = $"ACCOUNT#{cloudTrailEvent.Account}";
        var accountWindow = BrakeCounters.WindowStart(now, settings.AccountWindow);
        var breakerWindow = BrakeCounters.WindowStart(now, settings.BreakerWindow);

        // The usual case in one round trip: the breaker closed and every counter under its limit, all
        // counted at once. When something holds, nothing was counted, and the checks below (each in turn,
        // as before) say which brake it is and count what passes.
        var stackOwned = fight.StackOwned is not null && Reopener.StackOf(resource) is not null;
        if (!stackOwned && await counters.TryCountAllAsync(
            [
                new BrakeCount(fightCounter, fightWindow, fight.Within, fight.Max),
                new BrakeCount(accountCounter, accountWindow, settings.AccountWindow, settings.AccountActions),
                new BrakeCount(BreakerCounter, breakerWindow, settings.BreakerWindow, settings.BreakerActions),
            ], action, cancellationToken))
        {
            return BrakeVerdict.Proceed;
        }

        var breaker = await counters.ReadBreakerAsync(cancellationToken);
        if (breaker.Tripped)
        {
            return new BrakeVerdict(RemediationMode.Notify, AuditOutcome.Notified, $"notify only: the circuit breaker tripped at {breaker.TrippedAt:u} ({breaker.Reason}); every policy notifies until it is reset (opsbot brakes reset)");
        }

        if (fight.StackOwned is { } stackMode && Reopener.StackOf(resource) is { } stack)
        {
            return new BrakeVerdict(stackMode, null, $"owned by CloudFormation stack '{stack}', which the policy leaves to a human (fight.stackOwned: {stackMode.ToString().ToLowerInvariant()}): fix it in the stack, or approve");
        }

        if (!await counters.TryCountAsync(fightCounter, fightWindow, fight.Within, fight.Max, action, cancellationToken))
        {
            var who = Reopener.Describe(cloudTrailEvent.Actor, resource);
            return await counters.TryMarkAnnouncedAsync(fightCounter, fightWindow, fight.Within, cloudTrailEvent.Id, cancellationToken)
                ? Held(AuditOutcome.Notified, $"FIGHT: held for a human, not remediated: {decision.ResourceId} was remediated automatically {fight.Max} time(s) by this policy since {fightWindow:u} and keeps being re-opened, last by {who}; fix the source (stack, pipeline, person), or exempt the resource. Held until {fightWindow + fight.Within:u}")
                : Held(AuditOutcome.Held, $"fight: held, not remediated and not announced again: re-opened again by {who}; escalated already in this window (until {fightWindow + fight.Within:u})");
        }

        if (!await counters.TryCountAsync(accountCounter, accountWindow, settings.AccountWindow, settings.AccountActions, action, cancellationToken))
        {
            var until = accountWindow + settings.AccountWindow;

            // Kept before it is announced, so the batch the announcement offers to release holds it.
            var batch = held is null ? null : await held.HoldAsync(cloudTrailEvent.Account, accountWindow, settings.AccountWindow, cloudTrailEvent.Region, decision.Policy.Id, decision.ResourceId, cloudTrailEvent.Id, now, cancellationToken);
            var release = batch is null ? "review them and remediate by hand" : "an approver can release the batch (Release, below: each is re-read and remediated if it still violates)";
            var verdict = await counters.TryMarkAnnouncedAsync(accountCounter, accountWindow, settings.AccountWindow, cloudTrailEvent.Id, cancellationToken)
                ? Held(AuditOutcome.Notified, $"BLAST RADIUS: held, not remediated: account {cloudTrailEvent.Account} reached {settings.AccountActions} automatic actions since {accountWindow:u}; this and every further violation in the account until {until:u} is held as one batch and recorded in the audit (outcome held), not announced one by one; {release}, or let the next event or sweep act after {until:u}")
                : Held(AuditOutcome.Held, $"blast radius: held, not remediated: account {cloudTrailEvent.Account} is over {settings.AccountActions} automatic actions until {until:u} (announced once for the window{(batch is null ? "" : ", held in its batch for release")})");
            return verdict with { HeldBatch = batch };
        }

        if (!await counters.TryCountAsync(BreakerCounter, breakerWindow, settings.BreakerWindow, settings.BreakerActions, action, cancellationToken))
        {
            var reason = $"more than {settings.BreakerActions} automatic actions across the organization within {settings.BreakerWindow.TotalMinutes:0.#} minute(s) from {breakerWindow:u}";
            if (await counters.TryTripAsync(now, reason, cancellationToken))
            {
                metrics.BreakerTripped(reason);
                return Held(AuditOutcome.Notified, $"CIRCUIT BREAKER TRIPPED: {reason}; every policy notifies only, nothing is remediated automatically, until an operator resets it (opsbot brakes reset, or Reset breaker below for a breaker approver)") with { BreakerTrippedAt = now };
            }

            return Held(AuditOutcome.Notified, $"notify only: the circuit breaker tripped ({reason}); every policy notifies until it is reset (opsbot brakes reset)");
        }

        return BrakeVerdict.Proceed;
    }

    private static BrakeVerdict Held(AuditOutcome outcome, string reason) => new(RemediationMode.Notify, outcome, reason);
}
