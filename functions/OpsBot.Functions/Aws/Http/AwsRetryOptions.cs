namespace OpsBot.Functions.Aws.Http;

/// <summary>
/// How a hand-written AWS call is retried. The defaults suit calls made inside a Lambda invocation:
/// at most 4 attempts of at most 5 s each, full-jitter exponential backoff from 100 ms capped at
/// 2 s, and never more than 15 s for the whole call, whatever is left of the attempts.
/// </summary>
public sealed record AwsRetryOptions
{
    /// <summary>The defaults described on the type.</summary>
    public static AwsRetryOptions Default { get; } = new();

    /// <summary>Attempts in all, the first included (default 4); 1 means no retry.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>How long one attempt may take, answer body included, before it counts as timed out and is retried (default 5 s).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The backoff before the first retry is drawn from [0, this] (default 100 ms); it doubles per retry.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The largest backoff ever drawn from (default 2 s).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The whole call's budget, attempts and backoffs together (default 15 s); past it the call gives up with the last error.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is zero, negative or inconsistent.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AttemptTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(BaseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, BaseDelay);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Budget, TimeSpan.Zero);
    }
}
