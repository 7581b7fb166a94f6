using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OpsBot.Functions.Tests.FaultInjection;

/// <summary>One request on a client connection, and the two ways it can end: an answer, or a reset connection.</summary>
internal sealed class ProxyExchange(ProxiedRequest request, Stream stream, Socket socket)
{
    public ProxiedRequest Request => request;

    /// <summary>True once the connection was reset; the connection then serves no further request.</summary>
    public bool Aborted { get; private set; }

    /// <summary>Writes the answer; Content-Length is the body's, except that a HEAD answer keeps the one given (the length a GET would have).</summary>
    public async Task RespondAsync(int status, IEnumerable<KeyValuePair<string, string>> headers, byte[] body, CancellationToken cancellationToken)
    {
        var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {Reason(status)}\r\n");
        var isHead = request.Method == "HEAD";
        var length = body.Length.ToString(CultureInfo.InvariantCulture);
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                length = isHead ? value : length;
                continue;
            }

            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("Content-Length: ").Append(length).Append("\r\n\r\n");
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), cancellationToken);
        if (!isHead)
        {
            await stream.WriteAsync(body, cancellationToken);
        }

        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>Resets the connection (TCP RST, nothing written), so the client sees a connection failure, never a status.</summary>
    public void Abort()
    {
        Aborted = true;
        ProxyListener.Reset(socket);
    }

    private static string Reason(int status) => Enum.IsDefined((HttpStatusCode)status) ? ((HttpStatusCode)status).ToString() : "Status";
}
