using System.Diagnostics;

namespace OpsBot.Functions.Aws.Http;

/// <summary>
/// Sends one AWS call with retries: throttling (429, or a code in <see cref="AwsErrorCodes"/>), 5xx,
/// attempts that time out and connections that fail are tried again after a full-jitter exponential
/// backoff, within <see cref="AwsRetryOptions.MaxAttempts"/> and <see cref="AwsRetryOptions.Budget"/>.
/// Any other error answer fails at once. The request is built afresh for every attempt, so it is
/// signed again with a new timestamp. Cancellation by the caller is never retried.
/// </summary>
public sealed class AwsCallPolicy
{
    private const string DeadlineExceeded = "DeadlineExceeded";
    private readonly AwsRetryOptions _options;
    private readonly BackoffDelay _delay;
    private readonly Random _jitter;

    /// <summary>A policy with <paramref name="options"/>, counting into <paramref name="statistics"/>.</summary>
    /// <param name="options">Attempts, timeouts and backoff.</param>
    /// <param name="statistics">Where calls, retries and outcomes are counted.</param>
    /// <param name="delay">How backoffs are waited out; null for <see cref="Task.Delay(TimeSpan, CancellationToken)"/>.</param>
    /// <param name="jitter">The source of jitter; null for <see cref="Random.Shared"/>.</param>
    public AwsCallPolicy(AwsRetryOptions options, AwsCallStatistics statistics, BackoffDelay? delay = null, Random? jitter = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(statistics);
        options.Validate();
        _options = options;
        Statistics = statistics;
        _delay = delay ?? Task.Delay;
        _jitter = jitter ?? Random.Shared;
    }

    /// <summary>Where this policy counts.</summary>
    public AwsCallStatistics Statistics { get; }

    /// <summary>Sends <paramref name="request"/> (built anew per attempt) through <paramref name="http"/> until it succeeds or retrying ends.</summary>
    /// <param name="service">The service, e.g. <c>sns</c>, for errors and statistics.</param>
    /// <param name="operation">The operation, e.g. <c>Publish</c>.</param>
    /// <param name="http">A client that signs what it sends; its own timeout is not relied on.</param>
    /// <param name="request">Builds the request; called once per attempt.</param>
    /// <param name="cancellationToken">The caller's cancellation: honoured at once, never retried.</param>
    /// <returns>The 2xx answer, read in full.</returns>
    /// <exception cref="AwsCallException">The service refused the call, or every attempt the budget allowed failed (the last error, with <see cref="AwsCallException.Attempts"/>).</exception>
    public async Task<AwsResponse> SendAsync(string service, string operation, HttpClient http, Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(request);
        Statistics.CallStarted(service);
        var started = Stopwatch.GetTimestamp();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(_options.Budget);
        for (var attempt = 1; ; attempt++)
        {
            Statistics.AttemptStarted(service, attempt);
            var (response, error, retryable) = await AttemptAsync(service, operation, http, request, attempt, budget, cancellationToken);
            if (response is not null)
            {
                Statistics.Succeeded(service);
                return response;
            }

            if (!retryable)
            {
                if (error!.ErrorCode == DeadlineExceeded)
                {
                    Statistics.GaveUp(service);
                }
                else
                {
                    Statistics.Failed(service);
                }

                throw error;
            }

            var backoff = Backoff(attempt);
            if (attempt >= _options.MaxAttempts || Stopwatch.GetElapsedTime(started) + backoff >= _options.Budget)
            {
                Statistics.GaveUp(service);
                throw error!;
            }

            try
            {
                await _delay(backoff, budget.Token);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Statistics.Cancelled(service);
                throw;
            }
            catch (OperationCanceledException)
            {
                Statistics.GaveUp(service);
                throw error!;
            }
        }
    }

    private async Task<(AwsResponse? Response, AwsCallException? Error, bool Retryable)> AttemptAsync(
        string service, string operation, HttpClient http, Func<HttpRequestMessage> build, int attempt, CancellationTokenSource budget, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(budget.Token);
        timeout.CancelAfter(_options.AttemptTimeout);
        try
        {
            using var request = build();
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return (new AwsResponse(response.StatusCode, body), null, false);
            }

            var code = AwsErrorBody.Code(body, response.Headers);
            var error = new AwsCallException(service, operation, response.StatusCode, code, AwsErrorBody.Message(body)) { Attempts = attempt };
            return (null, error, AwsErrorCodes.IsRetryable((int)response.StatusCode, code));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Statistics.Cancelled(service);
            throw;
        }
        catch (OperationCanceledException ex) when (budget.IsCancellationRequested)
        {
            return (null, new AwsCallException(service, operation, null, DeadlineExceeded, $"no answer within the call's budget of {_options.Budget.TotalSeconds:0.###} s", ex) { Attempts = attempt }, false);
        }
        catch (OperationCanceledException ex)
        {
            return (null, new AwsCallException(service, operation, null, "RequestTimeout", $"no answer within {_options.AttemptTimeout.TotalSeconds:0.###} s", ex) { Attempts = attempt }, true);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return (null, new AwsCallException(service, operation, (ex as HttpRequestException)?.StatusCode, "ConnectionFailed", ex.Message, ex) { Attempts = attempt }, true);
        }
    }

    // Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): uniform in [0, min(cap, base * 2^n)],
    // so callers throttled together do not come back together.
    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(_options.MaxDelay.TotalMilliseconds, _options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(_jitter.NextDouble() * ceiling);
    }
}
