namespace OpsBot.Functions.Slack.Client;

/// <summary>How the Slack client reaches Slack and paces itself. Holds no secret.</summary>
public sealed record SlackClientOptions
{
    /// <summary>Slack's Web API base address; tests point it at a local server.</summary>
    public static readonly Uri SlackWebApi = new("https://slack.com/api/");

    /// <summary>The Web API base address; method names are appended (e.g. <c>chat.postMessage</c>).</summary>
    public Uri BaseAddress { get; init; } = SlackWebApi;

    /// <summary>The least time between two messages to the same channel (Slack allows about one a second).</summary>
    public TimeSpan ChannelInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many HTTP 429 answers to wait out for one message before giving up with <c>ratelimited</c>.</summary>
    public int MaxRateLimitRetries { get; init; } = 5;

    /// <summary>
    /// The longest <c>Retry-After</c> waited out in place; a longer one is raised for the caller to requeue
    /// (the alert stays owed in the outbox). Kept well inside a message's budget (20 s), and every wait
    /// is cancelled with the message, so a wait never outlives the invocation.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(10);
}
