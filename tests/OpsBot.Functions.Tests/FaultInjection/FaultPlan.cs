namespace OpsBot.Functions.Tests.FaultInjection;

/// <summary>
/// Which calls a <see cref="FaultProxy"/> faults, and how. Random rules (<see cref="On(string, double, FaultKind[])"/>)
/// draw from one seeded <see cref="Random"/> under a lock, so the same seed gives the same faults when
/// calls arrive in the same order; scripted faults (<see cref="OnceAt"/>, <see cref="Always"/>,
/// <see cref="Override"/>) say exactly which call gets which fault. A service with no rule is never faulted.
/// </summary>
/// <example><code>
/// var plan = new FaultPlan(seed: 7) { MaxFaults = 20 }
///     .On("dynamodb", probability: 0.2, FaultKind.Throttle, FaultKind.DropAfterForward)
///     .OnceAt("dynamodb", "PutItem", occurrence: 2, FaultKind.DropAfterForward);
/// </code></example>
public sealed class FaultPlan
{
    private readonly object _gate = new();
    private readonly Random _random;
    private readonly List<FaultRule> _rules = [];
    private readonly List<ScriptedFault> _scripted = [];
    private Func<AwsCall, FaultKind?>? _override;
    private int? _maxFaults;
    private int _randomFaults;

    /// <summary>An empty plan (nothing is faulted until rules are added) drawing from <paramref name="seed"/>.</summary>
    public FaultPlan(int seed)
    {
        Seed = seed;
        _random = new Random(seed);
    }

    /// <summary>The seed the random rules draw from; print it with a failure so the run can be replayed.</summary>
    public int Seed { get; }

    /// <summary>
    /// At most this many faults are drawn by the random rules; null (the default) is unbounded. Scripted
    /// faults are what a test asked for by name and are not held back by it.
    /// </summary>
    public int? MaxFaults
    {
        get
        {
            lock (_gate)
            {
                return _maxFaults;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value ?? 0);
            lock (_gate)
            {
                _maxFaults = value;
            }
        }
    }

    /// <summary>How long a <see cref="FaultKind.Delay"/> fault holds a call before forwarding it; 3 s unless set.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Each call of <paramref name="service"/> gets, with <paramref name="probability"/>, one of <paramref name="kinds"/> (picked uniformly).</summary>
    /// <param name="service">The SigV4 signing name, e.g. <c>dynamodb</c>, <c>ec2</c>, <c>events</c>.</param>
    /// <param name="probability">The chance per call, 0 to 1.</param>
    /// <param name="kinds">The faults to pick from; at least one.</param>
    public FaultPlan On(string service, double probability, params FaultKind[] kinds) => Add(service, null, probability, kinds);

    /// <summary>
    /// Each call of <paramref name="operation"/> gets, with <paramref name="probability"/>, one of <paramref name="kinds"/>;
    /// a call matched by an operation rule is not also drawn for by the service's rules.
    /// </summary>
    /// <param name="service">The SigV4 signing name.</param>
    /// <param name="operation">The operation, e.g. <c>RevokeSecurityGroupIngress</c>.</param>
    /// <param name="probability">The chance per call, 0 to 1.</param>
    /// <param name="kinds">The faults to pick from; at least one.</param>
    public FaultPlan On(string service, string operation, double probability, params FaultKind[] kinds)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        return Add(service, operation, probability, kinds);
    }

    /// <summary>The <paramref name="occurrence"/>-th call (1-based) of <paramref name="operation"/> gets <paramref name="kind"/>, e.g. "drop the answer of the 2nd PutItem".</summary>
    public FaultPlan OnceAt(string service, string operation, int occurrence, FaultKind kind)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(occurrence, 1);
        return Script(service, operation, occurrence, kind);
    }

    /// <summary>Every call of <paramref name="operation"/> gets <paramref name="kind"/>.</summary>
    public FaultPlan Always(string service, string operation, FaultKind kind) => Script(service, operation, null, kind);

    /// <summary>
    /// <paramref name="choose"/> is asked first for every call; a non-null answer is the call's fault and
    /// nothing else is consulted. It runs under the plan's lock, so it must be quick and must not call the proxy.
    /// </summary>
    public FaultPlan Override(Func<AwsCall, FaultKind?> choose)
    {
        ArgumentNullException.ThrowIfNull(choose);
        lock (_gate)
        {
            _override = choose;
        }

        return this;
    }

    /// <summary>The fault for <paramref name="call"/>, or null to relay it unchanged. Each call must be asked about once: random rules draw on every ask.</summary>
    public FaultKind? Choose(AwsCall call) => Decide(call).Kind;

    /// <summary>The fault for <paramref name="call"/> and, for a throttle, whether to answer with the service's alternate throttling code, from the same draws.</summary>
    internal (FaultKind? Kind, bool Alternate) Decide(AwsCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        lock (_gate)
        {
            var kind = _override?.Invoke(call)
                ?? _scripted.FirstOrDefault(s => s.Matches(call))?.Kind
                ?? Draw(call);
            var alternate = kind == FaultKind.Throttle && _random.Next(2) == 1;
            return (kind, alternate);
        }
    }

    private FaultKind? Draw(AwsCall call)
    {
        var rule = _rules.FirstOrDefault(r => r.Operation is not null && r.Matches(call)) ?? _rules.FirstOrDefault(r => r.Matches(call));
        if (rule is null || _randomFaults >= (_maxFaults ?? int.MaxValue) || _random.NextDouble() >= rule.Probability)
        {
            return null;
        }

        _randomFaults++;
        return rule.Kinds[_random.Next(rule.Kinds.Count)];
    }

    private FaultPlan Add(string service, string? operation, double probability, FaultKind[] kinds)
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        ArgumentOutOfRangeException.ThrowIfLessThan(probability, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1);
        ArgumentNullException.ThrowIfNull(kinds);
        if (kinds.Length == 0)
        {
            throw new ArgumentException("name at least one fault kind", nameof(kinds));
        }

        lock (_gate)
        {
            _rules.Add(new FaultRule(service.ToLowerInvariant(), operation, probability, [.. kinds]));
        }

        return this;
    }

    private FaultPlan Script(string service, string operation, int? occurrence, FaultKind kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        ArgumentException.ThrowIfNullOrEmpty(operation);
        lock (_gate)
        {
            _scripted.Add(new ScriptedFault(service.ToLowerInvariant(), operation, occurrence, kind));
        }

        return this;
    }
}
