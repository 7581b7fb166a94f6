using System.Text.Json.Nodes;
using OpsBot.Functions.Slack.Blocks;
using OpsBot.Functions.Slack.Client;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.Slack.Secrets;

namespace OpsBot.Functions.Tests.Slack;

/// <summary>The Slack client against a real local HTTP server speaking the Web API shapes.</summary>
public sealed class SlackClientTests : IAsyncLifetime
{
    private const string Token = "xoxb-1111-2222-SECRETTOKENVALUE";

    private static readonly SlackMessage Hello = new("hello", [new SectionBlock(SlackText.Markdown("*hello*"))]);

    private readonly VirtualClock clock = new(new DateTimeOffset(2025, 3, 4, 12, 0, 0, TimeSpan.Zero));
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private SlackStandIn slack = null!;

    public Task InitializeAsync()
    {
        slack = new SlackStandIn(clock, Token);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await slack.DisposeAsync();
    }

    private SlackClient Client(string token = Token, Uri? webhook = null) =>
        new(http, new SlackSecrets(token, "signing", "C0ALERTS", webhook), new SlackClientOptions { BaseAddress = slack.WebApi }, clock);

    [Fact]
    public async Task PostMessage_returns_the_channel_and_ts_Slack_assigned()
    {
        var posted = await Client().PostMessageAsync("C0ALERTS", Hello, null, CancellationToken.None);

        Assert.Equal("C0ALERTS", posted.Channel);
        Assert.Equal("1700000000.000001", posted.Ts);
    }

    [Fact]
    public async Task PostMessage_sends_the_token_as_a_bearer_header_and_the_blocks_as_json()
    {
        await Client().PostMessageAsync("C0ALERTS", Hello, "1700000000.000001", CancellationToken.None);

        var request = Assert.Single(slack.Received);
        Assert.Equal("/api/chat.postMessage", request.Path);
        Assert.Equal($"Bearer {Token}", request.Authorization);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("C0ALERTS", (string?)body["channel"]);
        Assert.Equal("1700000000.000001", (string?)body["thread_ts"]);
        Assert.Equal("section", (string?)body["blocks"]![0]!["type"]);
        Assert.False((bool)body["unfurl_links"]!);
        Assert.DoesNotContain(Token, request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ok_false_becomes_a_typed_error_carrying_Slacks_code()
    {
        var exception = await Assert.ThrowsAsync<SlackApiException>(() => Client().PostMessageAsync("C0MISSING", Hello, null, CancellationToken.None));

        Assert.Equal("channel_not_found", exception.ErrorCode);
        Assert.Equal("chat.postMessage", exception.Method);
    }

    [Fact]
    public async Task A_rejected_token_never_appears_in_the_exception()
    {
        const string wrongToken = "xoxb-9999-8888-OTHERSECRETVALUE";

        var exception = await Assert.ThrowsAsync<SlackApiException>(() => Client(wrongToken).PostMessageAsync("C0ALERTS", Hello, null, CancellationToken.None));

        Assert.Equal("invalid_auth", exception.ErrorCode);
        Assert.DoesNotContain("OTHERSECRETVALUE", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_field_echoing_the_token_is_not_repeated()
    {
        slack.Enqueue(ScriptedAnswer.Json($$"""{"ok":false,"error":"bad token {{Token}}"}"""));

        var exception = await Assert.ThrowsAsync<SlackApiException>(() => Client().PostMessageAsync("C0ALERTS", Hello, null, CancellationToken.None));

        Assert.DoesNotContain("SECRETTOKENVALUE", exception.ToString(), StringComparison.Ordinal);
        Assert.Equal("http_200", exception.ErrorCode);
    }

    [Fact]
    public async Task A_429_is_retried_after_Retry_After_and_the_message_arrives()
    {
        slack.Enqueue(ScriptedAnswer.RateLimited(1));
        var start = clock.GetUtcNow();

        var posted = await Client().PostMessageAsync("C0ALERTS", Hello, null, CancellationToken.None);

        Assert.Equal("C0ALERTS", posted.Channel);
        Assert.Equal(2, slack.Received.Count);
        Assert.Contains(TimeSpan.FromSeconds(1), clock.Waits);
        Assert.True(slack.Received[1].At - start >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Persistent_rate_limiting_gives_up_with_ratelimited_and_the_wait_asked_for()
    {
        for (var i = 0; i < 10; i++)
        {
            slack.Enqueue(ScriptedAnswer.RateLimited(2));
        }

        var client = new SlackClient(http, new SlackSecrets(Token, null, "C0ALERTS", null), new SlackClientOptions { BaseAddress = slack.WebApi, MaxRateLimitRetries = 2 }, clock);

        var exception = await Assert.ThrowsAsync<SlackApiException>(() => client.PostMessageAsync("C0ALERTS", Hello, null, CancellationToken.None));

        Assert.Equal("ratelimited", exception.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(2), exception.RetryAfter);
        Assert.Equal(3, slack.Received.Count);
    }

    [Fact]
    public async Task Two_messages_to_the_same_channel_are_at_least_a_second_apart()
    {
        var client = Client();

        await Task.WhenAll(
            client.PostMessageAsync("C0ALERTS", Hello, null, CancellationToken.None),
            client.PostMessageAsync("C0ALERTS", Hello, null, CancellationToken.None));

        var times = slack.Received.Select(r => r.At).Order().ToList();
        Assert.Equal(2, times.Count);
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(1), $"{times[1] - times[0]} apart");
    }

    [Fact]
    public async Task Messages_to_different_channels_are_not_delayed()
    {
        var client = Client();

        await Task.WhenAll(
            client.PostMessageAsync("C0ALERTS", Hello, null, CancellationToken.None),
            client.PostMessageAsync("C0OTHER", Hello, null, CancellationToken.None));

        Assert.Empty(clock.Waits);
        Assert.All(slack.Received, r => Assert.Equal(clock.GetUtcNow(), r.At));
    }

    [Fact]
    public async Task A_burst_to_one_channel_is_paced_without_dropping_any_message()
    {
        var client = Client();

        var posted = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.PostMessageAsync("C0ALERTS", Hello, null, CancellationToken.None)));

        Assert.Equal(5, posted.Select(p => p.Ts).Distinct().Count());
        var times = slack.Received.Select(r => r.At).Order().ToList();
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Update_replaces_the_message_by_channel_and_ts()
    {
        await Client().UpdateMessageAsync("C0ALERTS", "1700000000.000042", Hello, CancellationToken.None);

        var request = Assert.Single(slack.Received);
        Assert.Equal("/api/chat.update", request.Path);
        Assert.Equal("1700000000.000042", (string?)JsonNode.Parse(request.Body)!["ts"]);
    }

    [Fact]
    public async Task Responding_replaces_the_original_without_sending_the_token()
    {
        await Client().RespondAsync(new Uri(slack.BaseAddress, "actions/T000/1234/abcd"), Hello, SlackResponseMode.ReplaceOriginal, CancellationToken.None);

        var request = Assert.Single(slack.Received);
        Assert.Null(request.Authorization);
        Assert.True((bool)JsonNode.Parse(request.Body)!["replace_original"]!);
    }

    [Fact]
    public async Task An_ephemeral_response_is_marked_ephemeral()
    {
        await Client().RespondAsync(new Uri(slack.BaseAddress, "actions/T000/1234/abcd"), Hello, SlackResponseMode.Ephemeral, CancellationToken.None);

        var body = JsonNode.Parse(Assert.Single(slack.Received).Body)!;
        Assert.Equal("ephemeral", (string?)body["response_type"]);
        Assert.Null(body["replace_original"]);
    }

    [Fact]
    public async Task The_webhook_mode_posts_to_the_webhook_url()
    {
        var webhook = new Uri(slack.BaseAddress, "services/T000/B000/WEBHOOKSECRETPART");

        await Client(webhook: webhook).PostWebhookAsync(Hello, CancellationToken.None);

        var request = Assert.Single(slack.Received);
        Assert.Equal("/services/T000/B000/WEBHOOKSECRETPART", request.Path);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task A_webhook_error_is_typed_and_does_not_reveal_the_webhook_url()
    {
        slack.Enqueue(new ScriptedAnswer(404, "no_service", "text/plain"));
        var webhook = new Uri(slack.BaseAddress, "services/T000/B000/WEBHOOKSECRETPART");

        var exception = await Assert.ThrowsAsync<SlackApiException>(() => Client(webhook: webhook).PostWebhookAsync(Hello, CancellationToken.None));

        Assert.Equal("no_service", exception.ErrorCode);
        Assert.Equal(404, exception.StatusCode);
        Assert.DoesNotContain("WEBHOOKSECRETPART", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_webhook_is_a_transport_error_that_does_not_reveal_the_url()
    {
        var closed = new Uri("http://127.0.0.1:1/services/T000/B000/WEBHOOKSECRETPART");

        var exception = await Assert.ThrowsAsync<SlackApiException>(() => Client(webhook: closed).PostWebhookAsync(Hello, CancellationToken.None));

        Assert.Equal("transport_error", exception.ErrorCode);
        Assert.DoesNotContain("WEBHOOKSECRETPART", exception.ToString(), StringComparison.Ordinal);
    }
}
