using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace OpsBot.Functions.Tests.FaultInjection;

/// <summary>
/// A TCP listener on a free 127.0.0.1 port speaking just enough HTTP/1.1 (keep-alive, Content-Length and
/// chunked bodies) to hand each request to a handler, concurrently across connections. It exists because
/// a dropped call must look like one: HttpListener's Response.Abort() on Linux still writes "200 OK" with
/// an empty body, while here <see cref="ProxyExchange.Abort"/> resets the socket.
/// </summary>
internal sealed class ProxyListener : IAsyncDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<ProxyExchange, CancellationToken, Task> _handle;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private readonly ConcurrentDictionary<Task, byte> _serving = new();
    private readonly Task _accepting;

    /// <summary>Starts listening; <paramref name="handle"/> must answer or abort each exchange, and stop when its token is cancelled.</summary>
    public ProxyListener(Func<ProxyExchange, CancellationToken, Task> handle)
    {
        _handle = handle;
        _listener.Start();
        Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Stops accepting, cancels the handlers, resets every open connection and waits briefly for the handlers to end.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        foreach (var socket in _open.Keys)
        {
            Reset(socket);
        }

        try
        {
            await Task.WhenAll(_serving.Keys).WaitAsync(StopGrace);
        }
        catch (TimeoutException)
        {
            // A handler stuck past the grace period is abandoned; its connection is already reset.
        }

        _listener.Dispose();
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            socket.NoDelay = true;
            _open.TryAdd(socket, 0);
            var serving = Task.Run(() => ServeAsync(socket));
            _serving.TryAdd(serving, 0);
            _ = serving.ContinueWith(done => _serving.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        var stopping = _stopping.Token;
        try
        {
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            var reader = new Http11RequestReader(stream);
            while (!stopping.IsCancellationRequested)
            {
                var request = await reader.ReadAsync(stopping);
                if (request is null)
                {
                    return;
                }

                var exchange = new ProxyExchange(request, stream, socket);
                await _handle(exchange, stopping);
                if (exchange.Aborted || request.ClosesConnection)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or InvalidDataException or OperationCanceledException or ObjectDisposedException)
        {
            // A broken or unreadable connection ends here; the client sees it reset.
            Reset(socket);
        }
        finally
        {
            _open.TryRemove(socket, out _);
            socket.Dispose();
        }
    }

    /// <summary>Closes <paramref name="socket"/> with a TCP RST rather than an orderly FIN.</summary>
    internal static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
        {
            // Already closed.
        }
    }
}
