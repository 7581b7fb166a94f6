using OpsBot.Functions.Aws.Sns;

namespace OpsBot.Functions.Tests.Integration;

/// <summary>An SNS publisher that accepts every alert and counts them, for tests about something else.</summary>
internal sealed class SilentAlerts : IAlertPublisher
{
    private int published;

    public int Published => published;

    public Task<string> PublishAsync(Alert alert, CancellationToken cancellationToken) =>
        Task.FromResult("message-" + Interlocked.Increment(ref published));
}
