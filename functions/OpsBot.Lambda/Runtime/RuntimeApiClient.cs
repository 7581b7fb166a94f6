using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OpsBot.Lambda.Runtime;

/// <summary>
/// The Lambda Runtime API (2018-06-01): next invocation, response, invocation error, init error.
/// </summary>
public sealed class RuntimeApiClient : IDisposable
{
    private const string Version = "2018-06-01";
    private readonly HttpClient _http;

    /// <summary>Talks to the Runtime API at <paramref name="host"/> (the value of <c>AWS_LAMBDA_RUNTIME_API</c>, host:port).</summary>
    public RuntimeApiClient(string host, HttpMessageHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        // Lambda freezes the sandbox between invocations, and /next blocks until an event arrives;
        // any client-side timeout would fire across a freeze and kill a healthy runtime.
        _http = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri($"http://{host}/{Version}/runtime/"), Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Blocks until the next invocation.</summary>
    public async Task<Invocation> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri("invocation/next", UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
        var requestId = Header(response, "Lambda-Runtime-Aws-Request-Id") ?? throw new InvalidOperationException("the Runtime API sent an invocation without Lambda-Runtime-Aws-Request-Id");
        var deadline = long.TryParse(Header(response, "Lambda-Runtime-Deadline-Ms"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : DateTimeOffset.MaxValue;
        return new Invocation(
            requestId,
            deadline,
            Header(response, "Lambda-Runtime-Invoked-Function-Arn") ?? "",
            Header(response, "Lambda-Runtime-Trace-Id"),
            await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>Posts the result of invocation <paramref name="requestId"/>.</summary>
    public async Task RespondAsync(string requestId, string body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri($"invocation/{Uri.EscapeDataString(requestId)}/response", UriKind.Relative), content, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Reports that invocation <paramref name="requestId"/> failed.</summary>
    public Task ReportInvocationErrorAsync(string requestId, RuntimeError error, CancellationToken cancellationToken) =>
        PostErrorAsync($"invocation/{Uri.EscapeDataString(requestId)}/error", error, cancellationToken);

    /// <summary>Reports that the runtime could not initialise; Lambda then fails the invocation and restarts.</summary>
    public Task ReportInitErrorAsync(RuntimeError error, CancellationToken cancellationToken) =>
        PostErrorAsync("init/error", error, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task PostErrorAsync(string path, RuntimeError error, CancellationToken cancellationToken)
    {
        using var content = new StringContent(JsonSerializer.Serialize(error, RuntimeJsonContext.Default.RuntimeError), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Add("Lambda-Runtime-Function-Error-Type", "Unhandled");
        using var response = await _http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
