namespace OpsBot.Functions.Aws.Http;

/// <summary>What the calls to one service came to, as counted by <see cref="AwsCallStatistics"/>.</summary>
/// <param name="Calls">Calls made (each may take several attempts).</param>
/// <param name="Attempts">HTTP requests sent.</param>
/// <param name="Retries">Attempts after the first (throttled, 5xx, timed out, connection failed).</param>
/// <param name="Succeeded">Calls that got a 2xx answer.</param>
/// <param name="Failed">Calls refused at once with an error no retry would fix (validation, access denied, not found).</param>
/// <param name="GivenUp">Calls that ran out of attempts or budget on retryable errors.</param>
/// <param name="Cancelled">Calls the caller cancelled (never retried).</param>
public sealed record AwsServiceCallCounts(long Calls, long Attempts, long Retries, long Succeeded, long Failed, long GivenUp, long Cancelled)
{
    /// <summary>No calls.</summary>
    public static AwsServiceCallCounts None { get; } = new(0, 0, 0, 0, 0, 0, 0);
}
