using System.Globalization;
using System.Text.Json;
using OpsBot.Cli.Local;
using OpsBot.Functions.Slack.Interactions;
using OpsBot.Functions.Slack.Signing;
using OpsBot.Functions.Tests.Emulator;

namespace OpsBot.Functions.Tests.Integration;

/// <summary>
/// The public Slack endpoint on moto: a flood of requests that are not Slack's (forged, unsigned,
/// stale, the wrong method) writes nothing to the state table; it is counted as the
/// <c>SlackSignatureRejected</c> embedded metric with one sampled log line a minute.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SlackEndpointHardeningTests(MotoServer moto)
{
    private const string Body = "payload=%7B%22type%22%3A%22block_actions%22%7D";

    [Fact]
    public async Task A_flood_of_forged_requests_costs_no_table_write_and_one_sampled_line()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto);
        var log = new StringWriter();
        var function = Function(world, log);
        var timestamp = world.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var forged = new SlackSignatureVerifier("not-the-signing-secret", world.Clock).Sign(timestamp, Body);
        var items = await world.TableItemCountAsync();

        var statuses = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            statuses.Add(await world.SendAsync(Body, timestamp, forged, function));
        }

        Assert.All(statuses, s => Assert.Equal(401, s));
        Assert.Equal(items, await world.TableItemCountAsync());
        Assert.Equal(40, function.RejectedRequests.Total);
        var line = Assert.Single(log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        Assert.Equal("SignatureMismatch", json.RootElement.GetProperty("rejection").GetString());
        Assert.DoesNotContain(SlackApprovalWorld.SigningSecret, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, "POST", 401, "MissingTimestamp")]
    [InlineData("1700000000", "v0=0000000000000000000000000000000000000000000000000000000000000000", "POST", 401, "StaleTimestamp")]
    [InlineData(null, null, "GET", 405, "MethodNotAllowed")]
    public async Task Other_unverified_requests_cost_no_table_write_either(string? timestamp, string? signature, string method, int expected, string rejection)
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto);
        var log = new StringWriter();
        var function = Function(world, log);
        var items = await world.TableItemCountAsync();

        var status = await world.SendAsync(Body, timestamp, signature, function, method);

        Assert.Equal(expected, status);
        Assert.Equal(items, await world.TableItemCountAsync());
        using var json = JsonDocument.Parse(log.ToString());
        Assert.Equal(rejection, json.RootElement.GetProperty("rejection").GetString());
    }

    [Fact]
    public async Task A_genuine_but_malformed_request_is_still_audited()
    {
        await using var world = await SlackApprovalWorld.CreateAsync(moto);
        var log = new StringWriter();
        var function = Function(world, log);
        const string body = "token=legacy&team_id=T0";
        var timestamp = world.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var items = await world.TableItemCountAsync();

        var status = await world.SendAsync(body, timestamp, new SlackSignatureVerifier(SlackApprovalWorld.SigningSecret, world.Clock).Sign(timestamp, body), function);

        Assert.Equal(400, status);
        Assert.Equal(items + 1, await world.TableItemCountAsync());
        Assert.Equal(0, function.RejectedRequests.Total);
        Assert.Empty(log.ToString());
    }

    private static SlackInteractionsFunction Function(SlackApprovalWorld world, StringWriter log) =>
        new(world.Runtime.Slack!, world.Runtime.Approvals, world.Runtime.StateStore, world.Clock, new RejectedRequestSignal(log, world.Clock));
}
