using System.Text.Json;
using OpsBot.Functions.Aws.Http;

namespace OpsBot.Functions.Aws.EventBridge;

/// <summary>
/// <see cref="IResultEventPublisher"/> over the EventBridge JSON 1.1 API
/// (<c>X-Amz-Target: AWSEvents.PutEvents</c>) with SigV4-signed requests, retried on throttling,
/// 5xx and timeouts (see <see cref="AwsCallPolicy"/>). A response with a non-zero
/// <c>FailedEntryCount</c> is an error.
/// </summary>
public sealed class EventBridgeResultPublisher : IResultEventPublisher, IDisposable
{
    /// <summary>The source of every event OpsBot puts.</summary>
    public const string Source = "opsbot";

    private readonly SignedServiceClient _events;
    private readonly string _busName;

    /// <summary>A publisher to the bus <paramref name="busName"/> (name or ARN) in <paramref name="region"/>.</summary>
    public EventBridgeResultPublisher(SignedHttpClientFactory clients, string region, string busName)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentException.ThrowIfNullOrEmpty(busName);
        _busName = busName;
        _events = clients.CreateService("events", "EVENTBRIDGE", region);
    }

    /// <inheritdoc />
    public async Task<string> PutAsync(string detailType, string detailJson, CancellationToken cancellationToken)
    {
        var body = new PutEventsRequestBody([new PutEventsEntry(Source, detailType, detailJson, _busName)]);
        var response = await _events.PostJsonAsync("AWSEvents.PutEvents", JsonSerializer.Serialize(body, EventBridgeJsonContext.Default.PutEventsRequestBody), cancellationToken);
        var result = TryRead(response.Body, EventBridgeJsonContext.Default.PutEventsResponseBody)
            ?? throw new AwsCallException("events", "PutEvents", response.Status, "", "the response is not a PutEvents result");
        var entry = result.Entries is { Count: > 0 } entries ? entries[0] : null;
        if (result.FailedEntryCount > 0 || entry?.EventId is null)
        {
            throw new AwsCallException("events", "PutEvents", response.Status, entry?.ErrorCode ?? "FailedEntry", entry?.ErrorMessage ?? $"{result.FailedEntryCount} entries failed");
        }

        return entry.EventId;
    }

    /// <inheritdoc />
    public void Dispose() => _events.Dispose();

    private static T? TryRead<T>(string text, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(text, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
