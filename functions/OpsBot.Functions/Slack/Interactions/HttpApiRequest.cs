namespace OpsBot.Functions.Slack.Interactions;

/// <summary>The parts of an API Gateway HTTP API request (payload format 2.0) the interactions function reads.</summary>
public sealed record HttpApiRequest
{
    /// <summary>The payload format, <c>2.0</c>.</summary>
    public string? Version { get; init; }

    /// <summary>The request path.</summary>
    public string? RawPath { get; init; }

    /// <summary>The headers; API Gateway lower-cases the names (looked up case-insensitively all the same).</summary>
    public Dictionary<string, string>? Headers { get; init; }

    /// <summary>The body, as text or base64.</summary>
    public string? Body { get; init; }

    /// <summary>True when <see cref="Body"/> is base64.</summary>
    public bool IsBase64Encoded { get; init; }

    /// <summary>The request context (method).</summary>
    public HttpApiRequestContext? RequestContext { get; init; }
}
