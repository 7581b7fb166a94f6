using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.Slack.Secrets;

namespace OpsBot.Functions.Slack.Client;

/// <summary>
/// The Slack Web API over <see cref="HttpClient"/>: <c>chat.postMessage</c>, <c>chat.update</c>,
/// <c>response_url</c> answers and incoming webhooks. The bot token travels only in the
/// <c>Authorization</c> header and is never logged or put into an exception. HTTP 429 is waited out
/// per <c>Retry-After</c>; messages to one channel are paced by <see cref="SlackChannelPacer"/>.
/// </summary>
public sealed class SlackClient : ISlackClient
{
    private const string WebhookLane = "\u0000webhook";

    private readonly HttpClient http;
    private readonly SlackSecrets secrets;
    private readonly SlackClientOptions options;
    private readonly TimeProvider clock;
    private readonly SlackChannelPacer pacer;

    /// <summary>A client sending through <paramref name="http"/> with <paramref name="secrets"/>, pacing and waiting by <paramref name="clock"/>.</summary>
    public SlackClient(HttpClient http, SlackSecrets secrets, SlackClientOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        this.http = http;
        this.secrets = secrets;
        this.options = options;
        this.clock = clock;
        pacer = new SlackChannelPacer(clock, options.ChannelInterval);
    }

    /// <inheritdoc />
    public async Task<SlackPostedMessage> PostMessageAsync(string channel, SlackMessage message, string? threadTs, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentNullException.ThrowIfNull(message);
        var body = Serialize(new PostMessageRequest(channel, message.Text, message.Blocks, threadTs), SlackJsonContext.Default.PostMessageRequest);
        using var lease = await pacer.EnterAsync(channel, cancellationToken).ConfigureAwait(false);
        var response = await CallWebApiAsync("chat.postMessage", body, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(response.Ts))
        {
            throw new SlackApiException("chat.postMessage", "invalid_response");
        }

        return new SlackPostedMessage(response.Channel ?? channel, response.Ts);
    }

    /// <inheritdoc />
    public async Task UpdateMessageAsync(string channel, string ts, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(ts);
        ArgumentNullException.ThrowIfNull(message);
        var body = Serialize(new UpdateMessageRequest(channel, ts, message.Text, message.Blocks), SlackJsonContext.Default.UpdateMessageRequest);
        using var lease = await pacer.EnterAsync(channel, cancellationToken).ConfigureAwait(false);
        await CallWebApiAsync("chat.update", body, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task RespondAsync(Uri responseUrl, SlackMessage message, SlackResponseMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(responseUrl);
        ArgumentNullException.ThrowIfNull(message);
        var request = mode == SlackResponseMode.Ephemeral
            ? new ResponseUrlRequest(message.Text, message.Blocks, null, "ephemeral")
            : new ResponseUrlRequest(message.Text, message.Blocks, true, null);
        await PostToUrlAsync("response_url", responseUrl, Serialize(request, SlackJsonContext.Default.ResponseUrlRequest), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> UserGroupMembersAsync(string userGroupId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userGroupId);

        // A read method: sent form-encoded, which every Web API method accepts.
        var response = await CallWebApiAsync("usergroups.users.list", () => new FormUrlEncodedContent([new("usergroup", userGroupId)]), cancellationToken).ConfigureAwait(false);
        return response.Users ?? [];
    }

    /// <inheritdoc />
    public async Task PostWebhookAsync(SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var url = secrets.WebhookUrl ?? throw new SlackApiException("webhook", "webhook_not_configured");
        var body = Serialize(new WebhookRequest(message.Text, message.Blocks), SlackJsonContext.Default.WebhookRequest);
        using var lease = await pacer.EnterAsync(WebhookLane, cancellationToken).ConfigureAwait(false);
        await PostToUrlAsync("webhook", url, body, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task OpenViewAsync(string triggerId, string viewJson, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(triggerId);
        ArgumentException.ThrowIfNullOrEmpty(viewJson);
        var body = new System.Text.Json.Nodes.JsonObject { ["trigger_id"] = triggerId, ["view"] = System.Text.Json.Nodes.JsonNode.Parse(viewJson) }.ToJsonString();
        await CallWebApiAsync("views.open", body, cancellationToken).ConfigureAwait(false);
    }

    private Task<SlackApiResponse> CallWebApiAsync(string method, string body, CancellationToken cancellationToken) =>
        CallWebApiAsync(method, () => Json(body), cancellationToken);

    private async Task<SlackApiResponse> CallWebApiAsync(string method, Func<HttpContent> content, CancellationToken cancellationToken)
    {
        var token = secrets.BotToken ?? throw new SlackApiException(method, "not_authed");
        var uri = new Uri(options.BaseAddress, method);
        using var response = await SendAsync(method, uri, content, token, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        SlackApiResponse? answer;
        try
        {
            answer = JsonSerializer.Deserialize(text, SlackJsonContext.Default.SlackApiResponse);
        }
        catch (JsonException)
        {
            answer = null;
        }

        if (answer is null)
        {
            throw new SlackApiException(method, response.IsSuccessStatusCode ? "invalid_response" : HttpCode(response.StatusCode), (int)response.StatusCode);
        }

        if (!answer.Ok)
        {
            throw new SlackApiException(method, SafeCode(answer.Error) ?? HttpCode(response.StatusCode), (int)response.StatusCode);
        }

        return answer;
    }

    private async Task PostToUrlAsync(string method, Uri url, string body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, url, () => Json(body), null, cancellationToken).ConfigureAwait(false);
        var text = (await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Trim();
        SlackApiResponse? answer = null;
        if (text.StartsWith('{'))
        {
            try
            {
                answer = JsonSerializer.Deserialize(text, SlackJsonContext.Default.SlackApiResponse);
            }
            catch (JsonException)
            {
                answer = null;
            }
        }

        if (answer is { Ok: false } || !response.IsSuccessStatusCode)
        {
            // Webhooks answer errors as plain text ("channel_not_found", "invalid_payload").
            throw new SlackApiException(method, SafeCode(answer?.Error) ?? SafeCode(text) ?? HttpCode(response.StatusCode), (int)response.StatusCode);
        }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task<HttpResponseMessage> SendAsync(string method, Uri uri, Func<HttpContent> content, string? token, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri)
            {
                Content = content(),
            };
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException exception)
            {
                // The inner exception may name the URL, which for webhooks and response_urls is itself a secret.
                throw new SlackApiException(method, "transport_error", null, null, token is null ? null : exception);
            }
            catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                throw new SlackApiException(method, "timeout", null, null, token is null ? null : exception);
            }

            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            var retryAfter = RetryAfter(response);
            response.Dispose();
            if (attempt >= options.MaxRateLimitRetries || retryAfter > options.MaxRetryAfter)
            {
                throw new SlackApiException(method, "ratelimited", 429, retryAfter);
            }

            await Task.Delay(retryAfter, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta && delta > TimeSpan.Zero)
        {
            return delta;
        }

        return TimeSpan.FromSeconds(1);
    }

    private static string Serialize<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.Serialize(value, typeInfo);

    private static string HttpCode(HttpStatusCode status) => $"http_{(int)status}";

    /// <summary>
    /// Slack's codes are short snake_case words (<c>channel_not_found</c>); anything else from the wire
    /// (which could echo a token or URL) is not repeated.
    /// </summary>
    private static string? SafeCode(string? code) =>
        !string.IsNullOrWhiteSpace(code) && code.Length <= 64 && code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')
            ? code
            : null;
}
