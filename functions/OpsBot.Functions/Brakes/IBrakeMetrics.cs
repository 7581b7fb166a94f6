namespace OpsBot.Functions.Brakes;

/// <summary>Where the brakes signal what an operator must see at once.</summary>
public interface IBrakeMetrics
{
    /// <summary>The circuit breaker tripped: every policy is notify-only until it is reset.</summary>
    void BreakerTripped(string reason);
}
