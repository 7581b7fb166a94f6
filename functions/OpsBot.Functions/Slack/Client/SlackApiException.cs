namespace OpsBot.Functions.Slack.Client;

/// <summary>
/// Slack refused or could not take a call. Carries Slack's error code (e.g. <c>channel_not_found</c>);
/// the message names the method and the code, never a token or webhook URL.
/// </summary>
public sealed class SlackApiException : Exception
{
    /// <summary>A failure of <paramref name="method"/> with Slack's <paramref name="errorCode"/>.</summary>
    public SlackApiException(string method, string errorCode, int? statusCode = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base($"Slack {method} failed: {errorCode}" + (statusCode is { } status ? $" (HTTP {status})" : ""), innerException)
    {
        Method = method;
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    /// <summary>The Web API method, or <c>webhook</c> / <c>response_url</c>.</summary>
    public string Method { get; }

    /// <summary>Slack's error code, or OpsBot's own for transport failures (<c>transport_error</c>, <c>http_503</c>, <c>invalid_response</c>).</summary>
    public string ErrorCode { get; }

    /// <summary>The HTTP status, when an answer came.</summary>
    public int? StatusCode { get; }

    /// <summary>For <c>ratelimited</c>: how long Slack asked to wait; the caller may requeue the message.</summary>
    public TimeSpan? RetryAfter { get; }
}
