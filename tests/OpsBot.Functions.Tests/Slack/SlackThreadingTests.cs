using System.Text.Json.Nodes;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Slack.Client;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.Slack.Secrets;
using OpsBot.Functions.Slack.Threading;

namespace OpsBot.Functions.Tests.Slack;

public sealed class SlackThreadingTests
{
    private static readonly SlackThreadKey Key = new("111122223333", "sg-0123456789abcdef0", "ec2-sg-admin-ports-public");

    private readonly VirtualClock clock = new(SlackMessageSamples.Now);

    [Fact]
    public async Task The_first_alert_starts_a_new_message()
    {
        var tracker = new InMemorySlackThreadTracker(clock);

        Assert.Null(await tracker.FindAsync(Key, "C0ALERTS", CancellationToken.None));
    }

    [Fact]
    public async Task An_alert_within_the_window_replies_in_the_thread()
    {
        var tracker = new InMemorySlackThreadTracker(clock);
        await tracker.RecordAsync(Key, "C0ALERTS", "1700000000.000001", CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(59));

        var thread = await tracker.FindAsync(Key, "C0ALERTS", CancellationToken.None);

        Assert.Equal("1700000000.000001", thread?.ThreadTs);
    }

    [Fact]
    public async Task An_alert_after_the_window_starts_a_new_message()
    {
        var tracker = new InMemorySlackThreadTracker(clock);
        await tracker.RecordAsync(Key, "C0ALERTS", "1700000000.000001", CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(61));

        Assert.Null(await tracker.FindAsync(Key, "C0ALERTS", CancellationToken.None));
    }

    [Fact]
    public async Task Another_policy_on_the_same_resource_is_a_different_thread()
    {
        var tracker = new InMemorySlackThreadTracker(clock);
        await tracker.RecordAsync(Key, "C0ALERTS", "1700000000.000001", CancellationToken.None);

        Assert.Null(await tracker.FindAsync(Key with { PolicyId = "ec2-sg-all-ports-public" }, "C0ALERTS", CancellationToken.None));
    }

    [Fact]
    public async Task The_poster_threads_a_repeat_alert_under_the_first()
    {
        const string token = "xoxb-1-2-THREADTEST";
        await using var slack = new SlackStandIn(clock, token);
        using var http = new HttpClient();
        var client = new SlackClient(http, new SlackSecrets(token, null, "C0ALERTS", null), new SlackClientOptions { BaseAddress = slack.WebApi }, clock);
        var poster = new SlackAlertPoster(client, new InMemorySlackThreadTracker(clock));
        var facts = SlackMessageSamples.Facts(AuditOutcome.Remediated);

        var first = await poster.PostAsync("C0ALERTS", facts, SlackMessages.Alert(facts), CancellationToken.None);
        var second = await poster.PostAsync("C0ALERTS", facts, SlackMessages.Alert(facts), CancellationToken.None);

        Assert.NotEqual(first.Ts, second.Ts);
        Assert.Null(JsonNode.Parse(slack.Received[0].Body)!["thread_ts"]);
        Assert.Equal(first.Ts, (string?)JsonNode.Parse(slack.Received[1].Body)!["thread_ts"]);
    }
}
