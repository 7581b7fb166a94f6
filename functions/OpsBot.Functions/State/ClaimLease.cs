using OpsBot.Functions.Configuration;

namespace OpsBot.Functions.State;

/// <summary>
/// How long a claim in progress keeps other deliveries out. It must outlast the attempt that holds it
/// (the function's timeout plus a margin, so a live attempt is never taken over) and end before the
/// queue shows the message again (the visibility timeout, so a redelivery after a crash can take over
/// instead of being taken for a duplicate).
/// </summary>
/// <param name="FunctionTimeout">The longest an attempt can run (the Lambda function's timeout).</param>
/// <param name="Lease">How long a claim blocks others: <see cref="FunctionTimeout"/> plus the margin.</param>
public sealed record ClaimLease(TimeSpan FunctionTimeout, TimeSpan Lease)
{
    /// <summary>What is added to the function timeout: clock skew and the last write after the deadline.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);

    /// <summary>The lease of a function that runs at most <paramref name="functionTimeout"/>.</summary>
    public static ClaimLease ForFunction(TimeSpan functionTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(functionTimeout, TimeSpan.Zero);
        return new(functionTimeout, functionTimeout + Margin);
    }

    /// <summary>
    /// The lease for a local runner on a queue whose visibility timeout is <paramref name="visibilityTimeout"/>:
    /// an attempt gets half of it, the lease ends at three quarters, so a redelivery always finds it lapsed.
    /// </summary>
    public static ClaimLease ForQueue(TimeSpan visibilityTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(visibilityTimeout, TimeSpan.FromSeconds(2));
        return new(visibilityTimeout / 2, visibilityTimeout * 3 / 4);
    }

    /// <summary>Checks the lease ends before a message on a queue with <paramref name="visibilityTimeout"/> reappears.</summary>
    /// <exception cref="InvalidSettingException">The lease would outlive the visibility timeout: redeliveries would be taken for duplicates.</exception>
    public void EnsureBelow(TimeSpan visibilityTimeout)
    {
        if (Lease >= visibilityTimeout)
        {
            throw new InvalidSettingException(OpsBotSettings.FunctionTimeoutVariable, $"the claim lease ({Lease.TotalSeconds:0} s = function timeout {FunctionTimeout.TotalSeconds:0} s + margin) must be shorter than the queue's visibility timeout ({visibilityTimeout.TotalSeconds:0} s), or a redelivery after a crash would be taken for a duplicate and lost");
        }
    }
}
