using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpsBot.Functions.Audit;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Slack.Connection;
using OpsBot.Functions.Slack.Interactions;
using OpsBot.Functions.Slack.Messages;
using OpsBot.Functions.Slack.Secrets;
using OpsBot.Functions.Slack.Signing;
using OpsBot.Functions.State;
using OpsBot.Cli.Local;
using OpsBot.Functions.Tests.Emulator;
using OpsBot.Functions.Tests.Slack;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Tests.Integration;

/// <summary>
/// A <see cref="RemediationWorld"/> on moto with Slack switched on: a local Slack stand-in (Web API,
/// response URLs), a virtual clock (so expiry and Retry-After take no real time), and clicks sent to
/// the interactions function as API Gateway payload v2 JSON, signed as Slack signs them.
/// </summary>
internal sealed class SlackApprovalWorld : IAsyncDisposable
{
    public const string Token = "xoxb-test-token-0000";
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string Channel = "C0ALERTS";
    public const string UndoUser = "U0SECOPS";

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly Lazy<PolicySet> ApprovalPolicies = new(() => PolicySet.Load(RepositoryPaths.Fixture("ApprovalPolicies")));

    private SlackApprovalWorld(RemediationWorld world, SlackStandIn slack, VirtualClock clock)
    {
        World = world;
        Slack = slack;
        Clock = clock;
    }

    public RemediationWorld World { get; }

    public SlackStandIn Slack { get; }

    public VirtualClock Clock { get; }

    public OpsBotRuntime Runtime => World.Runtime;

    /// <summary>A world whose policies ask for approval in Slack (or <paramref name="policies"/>); <paramref name="slackApi"/> overrides where the Web API is (e.g. a closed port); <paramref name="adjust"/> changes settings; <paramref name="actorUsers"/> maps Slack users to IAM identities; <paramref name="observer"/> receives outcome metrics and log lines.</summary>
    public static async Task<SlackApprovalWorld> CreateAsync(MotoServer moto, PolicySet? policies = null, Uri? slackApi = null, Func<OpsBotSettings, OpsBotSettings>? adjust = null, OpsBot.Functions.Holds.SelfApprovalGuard? actorUsers = null, OpsBot.Functions.Observability.OutcomeObserver? observer = null)
    {
        var clock = new VirtualClock(DateTimeOffset.UtcNow);
        var slack = new SlackStandIn(clock, Token);
        var secrets = new EnvironmentSlackSecretSource(new DictionaryEnvironmentVariables(new Dictionary<string, string>
        {
            [SlackEnvironment.BotToken] = Token,
            [SlackEnvironment.SigningSecret] = SigningSecret,
            [SlackEnvironment.Channel] = Channel,
        }));
        var settings = new SlackSettings { Secrets = secrets, ApiBaseAddress = slackApi ?? slack.WebApi, UndoUsers = [UndoUser], ActorUsers = actorUsers ?? OpsBot.Functions.Holds.SelfApprovalGuard.Unmapped };
        var world = await RemediationWorld.CreateAsync(moto, adjust: adjust, policies: policies ?? ApprovalPolicies.Value, slack: settings, clock: clock, observer: observer);
        return new SlackApprovalWorld(world, slack, clock);
    }

    /// <summary>An address nothing listens on: Slack is down.</summary>
    public static Uri ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new Uri($"http://127.0.0.1:{port}/api/");
    }

    /// <summary>Opens SSH and HTTPS to the world on a new group and runs the CloudTrail event through the pipeline.</summary>
    public async Task<(string GroupId, string EventId, IReadOnlyDictionary<string, string> RuleIds, AuditRecord Audit)> OpenSshAndProcessAsync()
    {
        var (groupId, ruleIds) = await World.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
        var eventId = "evt-" + Guid.NewGuid();
        var result = await Runtime.Pipeline.ProcessAsync(RemediationPipelineTests.SshAndHttpsEvent(groupId, ruleIds, eventId), "m-1", CancellationToken.None);
        return (groupId, eventId, ruleIds, result.Audit!);
    }

    /// <summary>
    /// As <see cref="OpenSshAndProcessAsync"/>, for a Slack that fails: the outcome is recorded, the Slack
    /// message stays owed and the message is left for redelivery; returns the stored record.
    /// </summary>
    public async Task<(string GroupId, string Body, AuditRecord Stored)> OpenSshAndProcessLeavingSlackOwedAsync()
    {
        var (groupId, ruleIds) = await World.CreateGroupAsync("web", (22, "0.0.0.0/0"), (443, "0.0.0.0/0"));
        var eventId = "evt-" + Guid.NewGuid();
        var body = RemediationPipelineTests.SshAndHttpsEvent(groupId, ruleIds, eventId);
        var owed = await Assert.ThrowsAsync<Pipeline.AnnouncementsOwedException>(() => Runtime.Pipeline.ProcessAsync(body, "m-1", CancellationToken.None));
        Assert.Equal(1, owed.Owed);
        return (groupId, body, (await Runtime.StateStore.ReadAuditAsync(eventId, CancellationToken.None))!);
    }

    /// <summary>The pending action of the only decision of <paramref name="audit"/>.</summary>
    public async Task<StoredPendingAction> PendingAsync(AuditRecord audit)
    {
        var decision = Assert.Single(audit.Decisions);
        return (await Runtime.StateStore.ReadPendingActionAsync(audit.EventId, decision.PolicyId, decision.ResourceId, CancellationToken.None))!;
    }

    /// <summary>Clicks <paramref name="actionId"/> as <paramref name="userId"/> on the message at <paramref name="message"/>; returns the HTTP status.</summary>
    public async Task<int> ClickAsync(string actionId, SlackActionValue value, string userId, SlackMessageLocation message)
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = userId.ToLowerInvariant() },
            ["api_app_id"] = "A0OPSBOT",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = message.Ts, ["channel_id"] = message.Channel, ["is_ephemeral"] = false },
            ["channel"] = new JsonObject { ["id"] = message.Channel, ["name"] = "security-alerts" },
            ["response_url"] = new Uri(Slack.BaseAddress, $"actions/T0TEAM/{Guid.NewGuid():N}").ToString(),
            ["trigger_id"] = $"1337.{Guid.NewGuid():N}",
            ["actions"] = new JsonArray(new JsonObject
            {
                ["action_id"] = actionId,
                ["block_id"] = SlackActionIds.ActionsBlockId,
                ["value"] = value.ToString(),
                ["type"] = "button",
                ["action_ts"] = "1700000000.000001",
            }),
        };
        var body = "payload=" + Uri.EscapeDataString(payload.ToJsonString());
        var timestamp = Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = new SlackSignatureVerifier(SigningSecret, Clock).Sign(timestamp, body);
        return await SendAsync(body, timestamp, signature);
    }

    /// <summary>
    /// Submits the modal that the last <c>views.open</c> opened, as <paramref name="userId"/>, with
    /// <paramref name="reason"/> and (Exempt) the option <paramref name="duration"/>; returns the HTTP
    /// status and the response body (a refusal shows as <c>response_action: errors</c>).
    /// </summary>
    public async Task<(int Status, string Body)> SubmitModalAsync(string userId, string reason, string? duration = null)
    {
        var opened = Requests("/api/views.open");
        Assert.NotEmpty(opened);
        var view = opened[^1]["view"]!;
        var values = new JsonObject { ["reason"] = new JsonObject { ["reason"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = reason } } };
        if (duration is not null)
        {
            values["duration"] = new JsonObject { ["duration"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = duration } } };
        }

        return await SubmitViewAsync(new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = userId },
            ["api_app_id"] = "A0OPSBOT",
            ["view"] = new JsonObject
            {
                ["id"] = "V0MODAL",
                ["type"] = "modal",
                ["callback_id"] = (string?)view["callback_id"],
                ["private_metadata"] = (string?)view["private_metadata"],
                ["state"] = new JsonObject { ["values"] = values },
            },
        });
    }

    /// <summary>Sends <paramref name="payload"/> signed, as Slack sends a modal submission; returns the HTTP status and body.</summary>
    public async Task<(int Status, string Body)> SubmitViewAsync(JsonNode payload)
    {
        var body = "payload=" + Uri.EscapeDataString(payload.ToJsonString());
        var timestamp = Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = new SlackSignatureVerifier(SigningSecret, Clock).Sign(timestamp, body);
        var response = await Runtime.SlackInteractions!.HandleJsonAsync(Request(body, timestamp, signature, "POST").ToJsonString(), CancellationToken.None);
        using var json = JsonDocument.Parse(response);
        return (json.RootElement.GetProperty("statusCode").GetInt32(), json.RootElement.GetProperty("body").GetString() ?? "");
    }

    /// <summary>
    /// Clicks Undo on <paramref name="value"/> as <paramref name="userId"/> and submits its modal with
    /// <paramref name="reason"/>; returns the submission's answer, or, when the click was refused before
    /// any modal opened, status 200 and the notice the clicker was sent.
    /// </summary>
    public async Task<(int Status, string Body)> UndoAsync(SlackActionValue value, string userId, string reason, SlackMessageLocation? message = null)
    {
        var (opened, notices) = (Requests("/api/views.open").Count, Notices().Count);
        Assert.Equal(200, await ClickAsync(SlackActionIds.Undo, value, userId, message ?? new SlackMessageLocation(Channel, "1700000000.000001")));
        return Requests("/api/views.open").Count == opened
            ? (200, string.Join("\n", Notices().Skip(notices)))
            : await SubmitModalAsync(userId, reason);
    }

    /// <summary>Sends a raw interaction request as API Gateway payload v2 JSON through the Lambda entry (of <paramref name="through"/> when given); returns the HTTP status.</summary>
    public async Task<int> SendAsync(string body, string? timestamp, string? signature, SlackInteractionsFunction? through = null, string method = "POST")
    {
        var response = await (through ?? Runtime.SlackInteractions!).HandleJsonAsync(Request(body, timestamp, signature, method).ToJsonString(), CancellationToken.None);
        using var json = JsonDocument.Parse(response);
        return json.RootElement.GetProperty("statusCode").GetInt32();
    }

    private static JsonObject Request(string body, string? timestamp, string? signature, string method)
    {
        var headers = new JsonObject { ["content-type"] = "application/x-www-form-urlencoded", ["user-agent"] = "Slackbot 1.0 (+https://api.slack.com/robots)" };
        if (timestamp is not null)
        {
            headers["x-slack-request-timestamp"] = timestamp;
        }

        if (signature is not null)
        {
            headers["x-slack-signature"] = signature;
        }

        return new JsonObject
        {
            ["version"] = "2.0",
            ["routeKey"] = "POST /slack/interactions",
            ["rawPath"] = "/slack/interactions",
            ["rawQueryString"] = "",
            ["headers"] = headers,
            ["requestContext"] = new JsonObject { ["http"] = new JsonObject { ["method"] = method, ["path"] = "/slack/interactions" } },
            ["body"] = body,
            ["isBase64Encoded"] = false,
        };
    }

    /// <summary>The Slack requests received on <paramref name="path"/> (e.g. <c>/api/chat.update</c>), as JSON.</summary>
    public IReadOnlyList<JsonNode> Requests(string path) =>
        [.. Slack.Received.Where(r => r.Path == path).Select(r => JsonNode.Parse(r.Body)!)];

    /// <summary>The JSON of <paramref name="node"/> with markup characters as written (mentions read <c>&lt;@U…&gt;</c>).</summary>
    public static string Text(JsonNode node) => node.ToJsonString(Readable);

    /// <summary>The ephemeral answers sent to response URLs.</summary>
    public IReadOnlyList<string> Notices() =>
        [.. Slack.Received.Where(r => r.Path.StartsWith("/actions/", StringComparison.Ordinal)).Select(r => JsonNode.Parse(r.Body)!)
            .Where(n => (string?)n["response_type"] == "ephemeral").Select(n => (string)n["text"]!)];

    /// <summary>How many items the state table holds now (a scan of the real table on moto).</summary>
    public async Task<int> TableItemCountAsync()
    {
        using var dynamo = Runtime.Clients.CreateDynamoDb(RemediationWorld.Region);
        var count = 0;
        Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>? next = null;
        do
        {
            var page = await dynamo.ScanAsync(new Amazon.DynamoDBv2.Model.ScanRequest { TableName = Runtime.Settings.TableName, Select = Amazon.DynamoDBv2.Select.COUNT, ExclusiveStartKey = next });
            count += page.Count ?? 0;
            next = page.LastEvaluatedKey is { Count: > 0 } key ? key : null;
        }
        while (next is not null);

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        await World.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
