using System.Text;

namespace OpsBot.Functions.Tests.FaultInjection;

/// <summary>
/// What a <see cref="FaultProxy"/> did, safe to read while calls are in flight: calls seen, calls
/// forwarded to the upstream (they took effect, whether or not the client got the answer), calls
/// refused by the black hole, and faults injected per service, operation and kind.
/// </summary>
public sealed class FaultProxyCounts
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Service, string Operation, FaultKind Kind), int> _faults = [];
    private int _seen;
    private int _forwarded;
    private int _blackHoled;

    /// <summary>Calls that reached the proxy.</summary>
    public int Seen => Volatile.Read(ref _seen);

    /// <summary>Calls the upstream answered (including those whose answer was then dropped or black-holed).</summary>
    public int Forwarded => Volatile.Read(ref _forwarded);

    /// <summary>Calls aborted because the proxy was a black hole when they arrived or when their answer came back.</summary>
    public int BlackHoled => Volatile.Read(ref _blackHoled);

    /// <summary>All faults injected.</summary>
    public int TotalFaults
    {
        get
        {
            lock (_gate)
            {
                return _faults.Values.Sum();
            }
        }
    }

    /// <summary>Faults injected into <paramref name="service"/>, narrowed to one operation and/or kind when given.</summary>
    public int Faults(string service, string? operation = null, FaultKind? kind = null)
    {
        lock (_gate)
        {
            return _faults
                .Where(f => f.Key.Service == service && (operation is null || f.Key.Operation == operation) && (kind is null || f.Key.Kind == kind))
                .Sum(f => f.Value);
        }
    }

    /// <summary>The faults injected, one row per service, operation and kind, ordered for a stable report.</summary>
    public IReadOnlyList<FaultCount> Injected()
    {
        lock (_gate)
        {
            return _faults
                .Select(f => new FaultCount(f.Key.Service, f.Key.Operation, f.Key.Kind, f.Value))
                .OrderBy(f => f.Service, StringComparer.Ordinal)
                .ThenBy(f => f.Operation, StringComparer.Ordinal)
                .ThenBy(f => f.Kind)
                .ToList();
        }
    }

    /// <summary>A report: the totals, then one "service operation kind count" line per row of <see cref="Injected"/>.</summary>
    public override string ToString()
    {
        var report = new StringBuilder($"seen {Seen}, forwarded {Forwarded}, black-holed {BlackHoled}, faults {TotalFaults}");
        foreach (var row in Injected())
        {
            report.Append('\n').Append(row);
        }

        return report.ToString();
    }

    internal void CountSeen() => Interlocked.Increment(ref _seen);

    internal void CountForwarded() => Interlocked.Increment(ref _forwarded);

    internal void CountBlackHoled() => Interlocked.Increment(ref _blackHoled);

    internal void CountFault(AwsCall call, FaultKind kind)
    {
        lock (_gate)
        {
            var key = (call.Service, call.Operation, kind);
            _faults[key] = _faults.GetValueOrDefault(key) + 1;
        }
    }
}
