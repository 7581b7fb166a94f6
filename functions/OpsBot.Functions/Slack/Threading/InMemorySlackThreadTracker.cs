using System.Collections.Concurrent;

namespace OpsBot.Functions.Slack.Threading;

/// <summary>
/// Threads alerts in memory: an alert within <c>window</c> of the last alert for the same key and
/// channel replies in its thread. Lasts as long as the process (a warm Lambda, the CLI); a table-backed
/// tracker keeps threads across cold starts.
/// </summary>
public sealed class InMemorySlackThreadTracker(TimeProvider clock, TimeSpan window) : ISlackThreadTracker
{
    /// <summary>The default window: alerts for the same thing within an hour share a thread.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<(SlackThreadKey Key, string Channel), SlackThread> threads = new();

    /// <summary>A tracker with the <see cref="DefaultWindow"/>.</summary>
    public InMemorySlackThreadTracker(TimeProvider clock)
        : this(clock, DefaultWindow)
    {
    }

    /// <inheritdoc />
    public Task<SlackThread?> FindAsync(SlackThreadKey key, string channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(channel);
        if (!threads.TryGetValue((key, channel), out var thread))
        {
            return Task.FromResult<SlackThread?>(null);
        }

        if (clock.GetUtcNow() - thread.LastAlertAt > window)
        {
            threads.TryRemove(new KeyValuePair<(SlackThreadKey, string), SlackThread>((key, channel), thread));
            return Task.FromResult<SlackThread?>(null);
        }

        return Task.FromResult<SlackThread?>(thread);
    }

    /// <inheritdoc />
    public Task RecordAsync(SlackThreadKey key, string channel, string threadTs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentException.ThrowIfNullOrEmpty(threadTs);
        threads[(key, channel)] = new SlackThread(channel, threadTs, clock.GetUtcNow());
        return Task.CompletedTask;
    }
}
