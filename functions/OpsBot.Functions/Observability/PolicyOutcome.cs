namespace OpsBot.Functions.Observability;

/// <summary>What one event (or sweep finding) came to for one policy, as counts.</summary>
/// <param name="Policy">The policy id.</param>
/// <param name="ResourceType">The policy's resource type.</param>
/// <param name="Events">1: the event triggered the policy.</param>
/// <param name="Matched">1 when the policy matched the live resource, else 0.</param>
/// <param name="Remediated">1 when the match was fixed and verified, else 0.</param>
/// <param name="Held">1 when the match waits for a human, else 0.</param>
/// <param name="Failed">1 when the match or the evaluation failed, else 0.</param>
/// <param name="LatencyMilliseconds">For a remediated CloudTrail event: milliseconds from its <c>eventTime</c> to the fix verified; else null.</param>
public sealed record PolicyOutcome(string Policy, string ResourceType, int Events, int Matched, int Remediated, int Held, int Failed, double? LatencyMilliseconds);
