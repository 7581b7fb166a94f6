namespace OpsBot.Functions.Aws.Http;

/// <summary>
/// The AWS error codes that mean "slow down" or "try again" rather than "this request is wrong":
/// the one list every hand-written client's retry consults.
/// </summary>
public static class AwsErrorCodes
{
    /// <summary>Codes services answer when a caller is throttled (usually with HTTP 400 or 429).</summary>
    public static IReadOnlySet<string> Throttling { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottledException",
        "RequestThrottled",
        "TooManyRequestsException",
        "RequestLimitExceeded",
        "ProvisionedThroughputExceededException",
        "BandwidthLimitExceeded",
        "SlowDown",
        "EC2ThrottledException",
        "PriorRequestNotComplete",
    };

    /// <summary>Codes for failures on the service's side that a later attempt may not meet.</summary>
    public static IReadOnlySet<string> Transient { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "RequestTimeout",
        "RequestTimeoutException",
        "InternalError",
        "InternalFailure",
        "InternalServerError",
        "ServiceUnavailable",
        "ServiceUnavailableException",
        "ServiceException",
        "IDPCommunicationError",
    };

    /// <summary>True when an answer with <paramref name="status"/> and <paramref name="code"/> is worth another attempt: throttling, 5xx, or a transient code.</summary>
    public static bool IsRetryable(int status, string code) =>
        status == 429 || status >= 500 || Throttling.Contains(code) || Transient.Contains(code);
}
