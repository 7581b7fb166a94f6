namespace OpsBot.Functions.Aws.Http;

/// <summary>Waits out a retry's backoff; the seam tests replace to run retries without sleeping.</summary>
/// <param name="delay">How long to wait.</param>
/// <param name="cancellationToken">Ends the wait early (the caller cancelled, or the call's budget ran out).</param>
public delegate Task BackoffDelay(TimeSpan delay, CancellationToken cancellationToken);
