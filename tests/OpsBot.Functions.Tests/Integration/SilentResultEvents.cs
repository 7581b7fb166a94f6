using OpsBot.Functions.Aws.EventBridge;

namespace OpsBot.Functions.Tests.Integration;

/// <summary>A result-event publisher that accepts every event, for tests about something else.</summary>
internal sealed class SilentResultEvents : IResultEventPublisher
{
    public Task<string> PutAsync(string detailType, string detailJson, CancellationToken cancellationToken) => Task.FromResult("event-id");
}
