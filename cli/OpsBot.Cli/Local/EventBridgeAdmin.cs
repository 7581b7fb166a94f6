using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpsBot.Functions.Aws.Http;

namespace OpsBot.Cli.Local;

/// <summary>
/// The EventBridge calls the local set-up needs (buses, rules, targets, arbitrary events) over the
/// JSON 1.1 protocol with SigV4-signed requests; the functions themselves only put result events.
/// </summary>
public sealed class EventBridgeAdmin : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/x-amz-json-1.1");
    private readonly HttpClient _http;
    private readonly Uri _endpoint;

    /// <summary>A client in <paramref name="region"/>.</summary>
    public EventBridgeAdmin(SignedHttpClientFactory clients, string region)
    {
        ArgumentNullException.ThrowIfNull(clients);
        (_http, _endpoint) = clients.Create("events", "EVENTBRIDGE", region);
    }

    /// <summary>Creates a custom bus; returns its ARN.</summary>
    public async Task<string> CreateEventBusAsync(string name, CancellationToken cancellationToken) =>
        (await CallAsync("CreateEventBus", new JsonObject { ["Name"] = name }, cancellationToken))["EventBusArn"]!.GetValue<string>();

    /// <summary>Creates or updates a rule with an event pattern on <paramref name="bus"/>.</summary>
    public Task PutRuleAsync(string bus, string name, string pattern, CancellationToken cancellationToken) =>
        CallAsync("PutRule", new JsonObject { ["Name"] = name, ["EventBusName"] = bus, ["EventPattern"] = pattern, ["State"] = "ENABLED" }, cancellationToken);

    /// <summary>Sends the rule's matches to <paramref name="targetArn"/> (with <paramref name="roleArn"/> for a bus in another account).</summary>
    public async Task PutTargetAsync(string bus, string rule, string targetId, string targetArn, string? roleArn, CancellationToken cancellationToken)
    {
        var target = new JsonObject { ["Id"] = targetId, ["Arn"] = targetArn };
        if (roleArn is not null)
        {
            target["RoleArn"] = roleArn;
        }

        var result = await CallAsync("PutTargets", new JsonObject { ["Rule"] = rule, ["EventBusName"] = bus, ["Targets"] = new JsonArray(target) }, cancellationToken);
        if (result["FailedEntryCount"]?.GetValue<int>() is > 0)
        {
            throw new AwsCallException("events", "PutTargets", null, "FailedEntry", result.ToJsonString());
        }
    }

    /// <summary>Puts one event on <paramref name="bus"/>; returns its id.</summary>
    public async Task<string> PutEventAsync(string bus, string source, string detailType, string detailJson, CancellationToken cancellationToken)
    {
        var entry = new JsonObject { ["Source"] = source, ["DetailType"] = detailType, ["Detail"] = detailJson, ["EventBusName"] = bus };
        var result = await CallAsync("PutEvents", new JsonObject { ["Entries"] = new JsonArray(entry) }, cancellationToken);
        return result["FailedEntryCount"]?.GetValue<int>() is > 0
            ? throw new AwsCallException("events", "PutEvents", null, "FailedEntry", result.ToJsonString())
            : result["Entries"]![0]!["EventId"]!.GetValue<string>();
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<JsonObject> CallAsync(string operation, JsonObject body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new StringContent(body.ToJsonString()) };
        request.Content.Headers.ContentType = JsonContentType;
        request.Headers.Add("X-Amz-Target", "AWSEvents." + operation);
        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new AwsCallException("events", operation, response.StatusCode, "", text);
        }

        return string.IsNullOrWhiteSpace(text) ? [] : JsonNode.Parse(text) as JsonObject ?? throw new JsonException($"{operation} returned {text}");
    }
}
