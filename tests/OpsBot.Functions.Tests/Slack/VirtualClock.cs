namespace OpsBot.Functions.Tests.Slack;

/// <summary>
/// A clock that only moves when told to or when someone waits on it: a timer jumps the clock
/// forward by its due time and fires at once, so code that sleeps by this clock takes no real time
/// while the times it observes are as if it had slept. Every wait is recorded.
/// </summary>
internal sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    private readonly object gate = new();
    private readonly List<TimeSpan> waits = [];
    private DateTimeOffset now = start;

    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (gate)
            {
                return [.. waits];
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (gate)
        {
            now += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new JumpingTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Wait(TimeSpan dueTime)
    {
        lock (gate)
        {
            waits.Add(dueTime);
            now += dueTime;
        }
    }

    private sealed class JumpingTimer(VirtualClock clock, TimerCallback callback, object? state) : ITimer
    {
        private int fired;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime == Timeout.InfiniteTimeSpan || Interlocked.Exchange(ref fired, 1) == 1)
            {
                return true;
            }

            clock.Wait(dueTime);
            ThreadPool.UnsafeQueueUserWorkItem(_ => callback(state), null);
            return true;
        }

        public void Dispose() => Interlocked.Exchange(ref fired, 1);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
