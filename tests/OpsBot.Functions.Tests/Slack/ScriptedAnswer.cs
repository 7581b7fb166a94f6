namespace OpsBot.Functions.Tests.Slack;

/// <summary>An answer the Slack stand-in gives to the next request.</summary>
internal sealed record ScriptedAnswer(int Status, string Body, string ContentType, int? RetryAfterSeconds = null)
{
    public static ScriptedAnswer Json(string body) => new(200, body, "application/json; charset=utf-8");

    public static ScriptedAnswer RateLimited(int retryAfterSeconds) => new(429, "", "text/plain", retryAfterSeconds);
}
