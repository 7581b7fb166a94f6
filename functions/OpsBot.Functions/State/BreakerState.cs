namespace OpsBot.Functions.State;

/// <summary>The global circuit breaker as stored in the state table.</summary>
/// <param name="Tripped">True while every policy is held to notify.</param>
/// <param name="TrippedAt">When it last tripped; null when it never did.</param>
/// <param name="Reason">Why it last tripped, in words.</param>
/// <param name="ResetBy">Who last reset it (a CLI user or a Slack user id); null when never reset.</param>
/// <param name="ResetAt">When it was last reset.</param>
public sealed record BreakerState(bool Tripped, DateTimeOffset? TrippedAt, string Reason, string? ResetBy, DateTimeOffset? ResetAt)
{
    /// <summary>A breaker that never tripped.</summary>
    public static BreakerState Closed { get; } = new(false, null, "", null, null);
}
