using System.Net.Http.Headers;
using System.Text;

namespace OpsBot.Functions.Aws.Http;

/// <summary>
/// One AWS service in one region, reached over a SigV4-signing <see cref="HttpClient"/> and called
/// through an <see cref="AwsCallPolicy"/>: what the hand-written clients (SNS, EventBridge, Secrets
/// Manager, Organizations) send their operations through.
/// </summary>
public sealed class SignedServiceClient : IDisposable
{
    private static readonly MediaTypeHeaderValue Json11 = new("application/x-amz-json-1.1");
    private readonly HttpClient _http;
    private readonly AwsCallPolicy _policy;

    /// <summary>A client for <paramref name="service"/> at <paramref name="endpoint"/>; it owns <paramref name="http"/>.</summary>
    /// <param name="service">The service name used in errors and statistics, e.g. <c>sns</c>.</param>
    /// <param name="http">A client that signs every request.</param>
    /// <param name="endpoint">Where requests are posted.</param>
    /// <param name="policy">Retries and timeouts.</param>
    public SignedServiceClient(string service, HttpClient http, Uri endpoint, AwsCallPolicy policy)
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(policy);
        Service = service;
        _http = http;
        // The policy's per-attempt timeout and budget bound every call; HttpClient's own 100 s would only hide them.
        _http.Timeout = Timeout.InfiniteTimeSpan;
        Endpoint = endpoint;
        _policy = policy;
    }

    /// <summary>The service name, e.g. <c>sns</c>.</summary>
    public string Service { get; }

    /// <summary>Where requests are posted.</summary>
    public Uri Endpoint { get; }

    /// <summary>Posts a JSON 1.1 call (<c>X-Amz-Target: <paramref name="target"/></c>) with <paramref name="json"/> as the body.</summary>
    /// <param name="target">The target, e.g. <c>AWSEvents.PutEvents</c>; the part after the last dot names the operation.</param>
    /// <param name="json">The request body.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <exception cref="AwsCallException">The call failed (see <see cref="AwsCallPolicy.SendAsync"/>).</exception>
    public Task<AwsResponse> PostJsonAsync(string target, string json, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        ArgumentNullException.ThrowIfNull(json);
        return SendAsync(target[(target.LastIndexOf('.') + 1)..], () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new StringContent(json, Encoding.UTF8) };
            request.Content.Headers.ContentType = Json11;
            request.Headers.Add("X-Amz-Target", target);
            return request;
        }, cancellationToken);
    }

    /// <summary>Posts a Query API call: <c>Action=<paramref name="action"/></c> and <paramref name="parameters"/>, form-encoded.</summary>
    /// <param name="action">The operation, e.g. <c>Publish</c>.</param>
    /// <param name="parameters">The other form fields (<c>Version</c> included).</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <exception cref="AwsCallException">The call failed (see <see cref="AwsCallPolicy.SendAsync"/>).</exception>
    public Task<AwsResponse> PostQueryAsync(string action, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentNullException.ThrowIfNull(parameters);
        KeyValuePair<string, string>[] form = [new("Action", action), .. parameters];
        return SendAsync(action, () => new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new FormUrlEncodedContent(form) }, cancellationToken);
    }

    /// <summary>Sends a request built by <paramref name="request"/> (once per attempt) for <paramref name="operation"/>.</summary>
    /// <exception cref="AwsCallException">The call failed (see <see cref="AwsCallPolicy.SendAsync"/>).</exception>
    public Task<AwsResponse> SendAsync(string operation, Func<HttpRequestMessage> request, CancellationToken cancellationToken) =>
        _policy.SendAsync(Service, operation, _http, request, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
