using System.Net;

namespace OpsBot.Functions.Tests.FaultInjection;

/// <summary>The upstream's answer to a forwarded call, held in full so the proxy can decide, after the call took effect, whether the client gets it.</summary>
internal sealed class UpstreamAnswer
{
    // The listener writes its own framing and connection headers.
    private static readonly HashSet<string> ConnectionHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Content-Length", "Date", "Server",
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

    public async Task WriteToAsync(HttpListenerResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = Status;
        foreach (var (name, value) in Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                response.ContentType = value;
            }
            else
            {
                response.AppendHeader(name, value);
            }
        }

        response.ContentLength64 = Body.Length;
        await response.OutputStream.WriteAsync(Body, cancellationToken);
        response.Close();
    }
}
