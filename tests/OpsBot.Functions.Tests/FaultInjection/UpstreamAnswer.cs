namespace OpsBot.Functions.Tests.FaultInjection;

/// <summary>The upstream's answer to a forwarded call, held in full so the proxy can decide, after the call took effect, whether the client gets it.</summary>
internal sealed class UpstreamAnswer
{
    // The body is relayed whole with its own Content-Length, on the client's own connection.
    private static readonly HashSet<string> ConnectionHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding",
    };

    private UpstreamAnswer(int status, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
    {
        Status = status;
        Headers = headers;
        Body = body;
    }

    public int Status { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public byte[] Body { get; }

    public static async Task<UpstreamAnswer> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => !ConnectionHeaders.Contains(h.Key))
            .SelectMany(h => h.Value.Select(v => KeyValuePair.Create(h.Key, v)))
            .ToList();
        return new UpstreamAnswer((int)response.StatusCode, headers, body);
    }

    public Task WriteToAsync(ProxyExchange exchange, CancellationToken cancellationToken) =>
        exchange.RespondAsync(Status, Headers, Body, cancellationToken);
}
