namespace OpsBot.Functions.Slack.Interactions;

/// <summary>An API Gateway HTTP API response (payload format 2.0).</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Headers">The headers.</param>
/// <param name="Body">The body text.</param>
public sealed record HttpApiResponse(int StatusCode, Dictionary<string, string> Headers, string Body)
{
    /// <summary>A plain-text response; Slack shows nothing of it for button clicks, people testing by hand read it.</summary>
    public static HttpApiResponse Text(int statusCode, string body) => new(statusCode, new Dictionary<string, string> { ["content-type"] = "text/plain; charset=utf-8" }, body);
}
