using System.Net;

namespace OpsBot.Functions.Aws.Http;

/// <summary>An AWS call made over <see cref="HttpClient"/> (SNS, EventBridge) that the service refused or failed.</summary>
public sealed class AwsCallException(string service, string operation, HttpStatusCode? status, string errorCode, string detail)
    : Exception($"{service} {operation} failed{(status is null ? "" : $" ({(int)status})")}: {errorCode} {detail}".TrimEnd())
{
    /// <summary>The service, e.g. <c>sns</c>.</summary>
    public string Service { get; } = service;

    /// <summary>The operation, e.g. <c>Publish</c>.</summary>
    public string Operation { get; } = operation;

    /// <summary>The HTTP status, when a response came back.</summary>
    public HttpStatusCode? Status { get; } = status;

    /// <summary>The service's error code, or an empty string.</summary>
    public string ErrorCode { get; } = errorCode;
}
