using System.Net;

namespace OpsBot.Functions.Aws.Http;

/// <summary>
/// An AWS call made over <see cref="HttpClient"/> (SNS, EventBridge, Secrets Manager, Organizations)
/// that the service refused, or that still failed when its retries ran out.
/// </summary>
public sealed class AwsCallException(string service, string operation, HttpStatusCode? status, string errorCode, string detail, Exception? innerException = null)
    : Exception($"{service} {operation} failed{(status is null ? "" : $" ({(int)status})")}: {errorCode} {detail}".TrimEnd(), innerException)
{
    /// <summary>The service, e.g. <c>sns</c>.</summary>
    public string Service { get; } = service;

    /// <summary>The operation, e.g. <c>Publish</c>.</summary>
    public string Operation { get; } = operation;

    /// <summary>The HTTP status, when a response came back.</summary>
    public HttpStatusCode? Status { get; } = status;

    /// <summary>The service's error code, or an empty string; <c>RequestTimeout</c>, <c>ConnectionFailed</c> or <c>DeadlineExceeded</c> when no answer came.</summary>
    public string ErrorCode { get; } = errorCode;

    /// <summary>How many attempts were made before this error was raised (1 when the error was not worth a retry).</summary>
    public int Attempts { get; init; } = 1;
}
