using System.Net.Http.Headers;
using System.Text.Json;
using OpsBot.Functions.Aws.Http;

namespace OpsBot.Functions.Aws.EventBridge;

/// <summary>
/// <see cref="IResultEventPublisher"/> over the EventBridge JSON 1.1 API
/// (<c>X-Amz-Target: AWSEvents.PutEvents</c>) with SigV4-signed <see cref="HttpClient"/> requests.
/// A response with a non-zero <c>FailedEntryCount</c> is an error.
/// </summary>
public sealed class EventBridgeResultPublisher : IResultEventPublisher, IDisposable
{
    /// <summary>The source of every event OpsBot puts.</summary>
    public const string Source = "opsbot";

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/x-amz-json-1.1");
    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string _busName;

    /// <summary>A publisher to the bus <paramref name="busName"/> (name or ARN) in <paramref name="region"/>.</summary>
    public EventBridgeResultPublisher(SignedHttpClientFactory clients, string region, string busName)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentException.ThrowIfNullOrEmpty(busName);
        _busName = busName;
        (_http, _endpoint) = clients.Create("events", "EVENTBRIDGE", region);
    }

    /// <inheritdoc />
    public async Task<string> PutAsync(string detailType, string detailJson, CancellationToken cancellationToken)
    {
        var body = new PutEventsRequestBody([new PutEventsEntry(Source, detailType, detailJson, _busName)]);
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = new StringContent(JsonSerializer.Serialize(body, EventBridgeJsonContext.Default.PutEventsRequestBody)),
        };
        request.Content.Headers.ContentType = JsonContentType;
        request.Headers.Add("X-Amz-Target", "AWSEvents.PutEvents");
        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var error = TryRead(text, EventBridgeJsonContext.Default.EventBridgeError);
            throw new AwsCallException("events", "PutEvents", response.StatusCode, error?.Type ?? "", error?.Message ?? text);
        }

        var result = TryRead(text, EventBridgeJsonContext.Default.PutEventsResponseBody)
            ?? throw new AwsCallException("events", "PutEvents", response.StatusCode, "", "the response is not a PutEvents result");
        var entry = result.Entries is { Count: > 0 } entries ? entries[0] : null;
        if (result.FailedEntryCount > 0 || entry?.EventId is null)
        {
            throw new AwsCallException("events", "PutEvents", response.StatusCode, entry?.ErrorCode ?? "FailedEntry", entry?.ErrorMessage ?? $"{result.FailedEntryCount} entries failed");
        }

        return entry.EventId;
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

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
