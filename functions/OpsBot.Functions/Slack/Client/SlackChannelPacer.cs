using System.Collections.Concurrent;

namespace OpsBot.Functions.Slack.Client;

/// <summary>
/// Keeps messages to one channel at least an interval apart, in arrival order and without dropping
/// any: each channel has a lane that one send holds at a time; a send waits (by the injected clock)
/// until the interval since the lane's previous send has passed. Different channels never wait on
/// each other.
/// </summary>
public sealed class SlackChannelPacer(TimeProvider clock, TimeSpan interval)
{
    private readonly ConcurrentDictionary<string, Lane> lanes = new(StringComparer.Ordinal);

    /// <summary>
    /// Waits for <paramref name="channel"/>'s turn; the send happens while the returned lease is held
    /// and the lane is free again when it is disposed.
    /// </summary>
    public async Task<IDisposable> EnterAsync(string channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var lane = lanes.GetOrAdd(channel, _ => new Lane());
        await lane.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (lane.LastSend is { } last)
            {
                var wait = last + interval - clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
                }
            }

            lane.LastSend = clock.GetUtcNow();
            return new Lease(lane);
        }
        catch
        {
            lane.Gate.Release();
            throw;
        }
    }

    private sealed class Lane
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTimeOffset? LastSend { get; set; }
    }

    private sealed class Lease(Lane lane) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                lane.Gate.Release();
            }
        }
    }
}
