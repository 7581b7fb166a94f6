using System.Net;

namespace OpsBot.Functions.Tests.FaultInjection;

/// <summary>
/// A loopback HTTP proxy in front of an AWS emulator (moto) that relays every call unchanged (method,
/// path and query, headers with the SigV4 signature, body; status, headers and body back) except the
/// ones its <see cref="FaultPlan"/> picks: those get the service's own throttling or 5xx error, a reset
/// connection before or after the call took effect, or a delay. Point an SDK client's ServiceURL at
/// <see cref="Endpoint"/>. Calls are handled concurrently; what happened is in <see cref="Counts"/>.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private static readonly TimeSpan UpstreamTimeout = TimeSpan.FromSeconds(30);
    private readonly Uri _upstream;
    private readonly FaultPlan _plan;
    private readonly HttpClient _http;
    private readonly object _gate = new();
    private readonly Dictionary<(string Service, string Operation), int> _occurrences = [];
    private readonly ProxyListener _listener;
    private int _sequence;
    private volatile bool _blackHole;

    /// <summary>Starts listening on a free 127.0.0.1 port, forwarding to <paramref name="upstream"/> under <paramref name="plan"/>.</summary>
    public FaultProxy(Uri upstream, FaultPlan plan)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        ArgumentNullException.ThrowIfNull(plan);
        _upstream = upstream;
        _plan = plan;
        _http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            Timeout = UpstreamTimeout,
        };
        _listener = new ProxyListener(HandleAsync);
    }

    /// <summary>
    /// Raised once the upstream has answered a call (it took effect), with the upstream's status, and
    /// before the answer is relayed, so a test can act "right after the call took effect", e.g. kill a
    /// worker or turn on <see cref="BlackHole"/> so the client never sees the answer. It runs on the
    /// call's thread; if it throws, the client's connection is reset.
    /// </summary>
    public event Action<AwsCall, int>? Forwarded;

    /// <summary>The proxy's root, <c>http://127.0.0.1:PORT/</c>: the ServiceURL for SDK clients.</summary>
    public Uri Endpoint => _listener.Endpoint;

    /// <summary>The plan the proxy faults by.</summary>
    public FaultPlan Plan => _plan;

    /// <summary>Calls seen, forwarded, black-holed and faulted so far.</summary>
    public FaultProxyCounts Counts { get; } = new();

    /// <summary>
    /// While on, every call is answered by resetting its connection, and so is every call in flight when
    /// its answer comes back: what a process that died mid-call sees. Calls already forwarded still took effect.
    /// </summary>
    public void BlackHole(bool on) => _blackHole = on;

    /// <summary>Stops listening, resets the calls in flight (delayed ones included) and waits briefly for them to end.</summary>
    public async ValueTask DisposeAsync()
    {
        _blackHole = true;
        await _listener.DisposeAsync();
        _http.Dispose();
    }

    private async Task HandleAsync(ProxyExchange exchange, CancellationToken stopping)
    {
        try
        {
            var request = exchange.Request;
            Counts.CountSeen();
            if (_blackHole)
            {
                Refuse(exchange);
                return;
            }

            var (call, fault, alternate) = Identify(request);
            if (fault is { } injected)
            {
                Counts.CountFault(call, injected);
            }

            switch (fault)
            {
                case FaultKind.Throttle or FaultKind.ServerError or FaultKind.Unavailable:
                    await FaultResponses.For(request, fault.Value, alternate).WriteToAsync(exchange, stopping);
                    return;
                case FaultKind.DropBeforeForward:
                    exchange.Abort();
                    return;
                case FaultKind.Delay:
                    await Task.Delay(_plan.Delay, stopping);
                    break;
            }

            var answer = await ForwardAsync(request, stopping);
            Counts.CountForwarded();
            Forwarded?.Invoke(call, answer.Status);
            if (fault == FaultKind.DropAfterForward)
            {
                exchange.Abort();
            }
            else if (_blackHole)
            {
                Refuse(exchange);
            }
            else
            {
                await answer.WriteToAsync(exchange, stopping);
            }
        }
        catch (Exception)
        {
            // Whatever went wrong (upstream unreachable, client gone, proxy stopping, a Forwarded handler
            // that threw), the client must see a failed call rather than wait for an answer.
            exchange.Abort();
        }
    }

    private (AwsCall Call, FaultKind? Fault, bool Alternate) Identify(ProxiedRequest request)
    {
        // Numbering and drawing happen together so the plan sees calls in the order they are numbered.
        lock (_gate)
        {
            var key = (request.Service, request.Operation);
            var occurrence = _occurrences[key] = _occurrences.GetValueOrDefault(key) + 1;
            var call = new AwsCall(request.Service, request.Operation, ++_sequence, occurrence, System.Text.Encoding.UTF8.GetString(request.Body, 0, Math.Min(request.Body.Length, 4096)));
            var (fault, alternate) = _plan.Decide(call);
            return (call, fault, alternate);
        }
    }

    private async Task<UpstreamAnswer> ForwardAsync(ProxiedRequest request, CancellationToken cancellationToken)
    {
        using var message = request.ToUpstream(_upstream);
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return await UpstreamAnswer.ReadAsync(response, cancellationToken);
    }

    private void Refuse(ProxyExchange exchange)
    {
        Counts.CountBlackHoled();
        exchange.Abort();
    }
}
