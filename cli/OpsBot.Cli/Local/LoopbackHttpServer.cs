using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OpsBot.Cli.Local;

/// <summary>
/// A small HTTP server on a free 127.0.0.1 port for local stand-ins (Slack, the Lambda Runtime API):
/// hands every request to a handler, one at a time or concurrently (for long polls), and stops
/// cleanly on dispose.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<HttpListenerContext, Task> _handle;
    private readonly bool _concurrent;
    private readonly Task _loop;

    /// <summary>Starts serving; <paramref name="concurrent"/> lets a slow request (a long poll) not hold up the others.</summary>
    public LoopbackHttpServer(Func<HttpListenerContext, Task> handle, bool concurrent = false)
    {
        _handle = handle;
        _concurrent = concurrent;
        (_listener, BaseAddress) = Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary><c>127.0.0.1:PORT</c>, for settings that take a host (e.g. <c>AWS_LAMBDA_RUNTIME_API</c>).</summary>
    public string HostAndPort => BaseAddress.Authority;

    /// <summary>The request body as text.</summary>
    public static async Task<string> ReadBodyAsync(HttpListenerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    /// <summary>Answers with <paramref name="status"/> and <paramref name="body"/>, and closes the response.</summary>
    public static async Task WriteAsync(HttpListenerResponse response, int status, string body, string contentType = "application/json; charset=utf-8")
    {
        ArgumentNullException.ThrowIfNull(response);
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
            // Stopping the listener ends the loop this way.
        }
    }

    private static (HttpListener Listener, Uri Address) Start()
    {
        // The free port is found by binding to port 0; another process may take it before the
        // listener does, so a few attempts are made.
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(address.ToString());
            try
            {
                listener.Start();
                return (listener, address);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            if (_concurrent)
            {
                _ = Task.Run(() => _handle(context));
            }
            else
            {
                await _handle(context);
            }
        }
    }
}
