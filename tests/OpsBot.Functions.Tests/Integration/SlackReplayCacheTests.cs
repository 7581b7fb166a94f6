using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpsBot.Cli.Local;
using OpsBot.Functions.Slack.Interactions;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.Slack.Signing;
using OpsBot.Functions.Tests.Emulator;

namespace OpsBot.Functions.Tests.Integration;

/// <summary>
/// The replay cache on moto: a request signed by Slack and sent again (a captured request replayed while
/// its timestamp is still accepted) is refused without a table item; a fresh signed request is handled.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SlackReplayCacheTests(MotoServer moto)
{
    [Fact]
    public async Task A_replayed_signed_request_is_refused_and_a_fresh_one_is_accepted()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto);
        var log = new StringWriter();
        var function = new SlackInteractionsFunction(world.Runtime.Slack!, world.Runtime.Approvals, world.Runtime.StateStore, world.Clock, new RejectedRequestSignal(log, world.Clock), replays: Cache(world));
        var (body, timestamp, signature) = Signed(world, "evt-replay-1");

        var first = await world.SendAsync(body, timestamp, signature, function);
        var items = await world.TableItemCountAsync();
        world.Clock.Advance(TimeSpan.FromSeconds(30));
        var replayed = await world.SendAsync(body, timestamp, signature, function);
        var replayItems = await world.TableItemCountAsync();
        var (freshBody, freshTimestamp, freshSignature) = Signed(world, "evt-replay-2");
        var fresh = await world.SendAsync(freshBody, freshTimestamp, freshSignature, function);

        Assert.Equal((200, 401, 200), (first, replayed, fresh));
        Assert.Equal(items, replayItems);
        Assert.Equal(1, function.RejectedRequests.Total);
        using var json = JsonDocument.Parse(Assert.Single(log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("Replayed", json.RootElement.GetProperty("rejection").GetString());
        Assert.Single(await world.Runtime.StateStore.ReadInteractionsAsync("evt-replay-1", CancellationToken.None));
        Assert.Single(await world.Runtime.StateStore.ReadInteractionsAsync("evt-replay-2", CancellationToken.None));
    }

    [Fact]
    public async Task The_deployed_interactions_function_refuses_replays()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto);
        var (body, timestamp, signature) = Signed(world, "evt-replay-3");

        var first = await world.SendAsync(body, timestamp, signature);
        var replayed = await world.SendAsync(body, timestamp, signature);

        Assert.Equal((200, 401), (first, replayed));
    }

    [Fact]
    public async Task A_signature_is_remembered_five_minutes_and_as_long_as_its_timestamp_is_accepted()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto);
        var cache = Cache(world);
        var now = world.Clock.GetUtcNow().ToUnixTimeSeconds();
        var current = now.ToString(CultureInfo.InvariantCulture);
        var ahead = (now + 240).ToString(CultureInfo.InvariantCulture);

        Assert.True(await cache.TryFirstSeenAsync("v0=current", current, CancellationToken.None));
        Assert.True(await cache.TryFirstSeenAsync("v0=ahead", ahead, CancellationToken.None));
        Assert.False(await cache.TryFirstSeenAsync("v0=current", current, CancellationToken.None));
        world.Clock.Advance(SignatureReplayCache.Window - TimeSpan.FromSeconds(5));
        Assert.False(await cache.TryFirstSeenAsync("v0=current", current, CancellationToken.None));
        world.Clock.Advance(TimeSpan.FromSeconds(10));

        // Past its five minutes (TTL deletes late, the write's condition does not): seen afresh. The
        // signature with a timestamp four minutes ahead stays valid for Slack's check, so it is still known.
        Assert.True(await cache.TryFirstSeenAsync("v0=current", current, CancellationToken.None));
        Assert.False(await cache.TryFirstSeenAsync("v0=ahead", ahead, CancellationToken.None));
    }

    private static SignatureReplayCache Cache(SlackApprovalWorld world) =>
        new(world.Runtime.Clients.CreateDynamoDb(RemediationWorld.Region), world.Runtime.Settings.TableName, world.Clock);

    // A genuine click (on an event OpsBot has no record of: refused, audited), signed now.
    private static (string Body, string Timestamp, string Signature) Signed(SlackApprovalWorld world, string eventId)
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = SlackApprovalWorld.UndoUser },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["action_id"] = SlackActionIds.Approve,
                ["value"] = new SlackActionValue(eventId, "some-policy", "sg-0123").ToString(),
            }),
        };
        var body = "payload=" + Uri.EscapeDataString(payload.ToJsonString());
        var timestamp = world.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return (body, timestamp, new SlackSignatureVerifier(SlackApprovalWorld.SigningSecret, world.Clock).Sign(timestamp, body));
    }
}
