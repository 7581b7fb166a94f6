using OpsBot.Functions.Approvals;
using OpsBot.Functions.Slack.Messages;

namespace OpsBot.Functions.Brakes;

/// <summary>The brakes' buttons in Slack, for <see cref="ApprovalWorkflow"/> to dispatch to: Release (a held batch) and Reset breaker.</summary>
/// <param name="release">Releases held batches; null when held violations are not kept.</param>
/// <param name="reset">Resets the breaker.</param>
public sealed class BrakeClicks(HeldBatchRelease? release, BreakerReset reset)
{
    /// <summary>Handles a brake button (<see cref="ClickKind.ReleaseHeld"/> or <see cref="ClickKind.ResetBreaker"/>).</summary>
    public Task<ClickOutcome> HandleAsync(ClickKind kind, SlackActionValue target, string userId, ApproverCheck mayAct, CancellationToken cancellationToken) => kind switch
    {
        ClickKind.ReleaseHeld when release is not null => release.ReleaseAsync(target, userId, mayAct, cancellationToken),
        ClickKind.ReleaseHeld => Task.FromResult(ClickOutcome.Refused("held violations are not kept here, so none can be released", "Held violations are not kept by this deployment; nothing was changed.")),
        ClickKind.ResetBreaker => reset.ResetAsync(target, userId, mayAct, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a brake button"),
    };
}
