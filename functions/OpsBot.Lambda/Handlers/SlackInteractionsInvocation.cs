using OpsBot.Functions.Slack.Interactions;

namespace OpsBot.Lambda.Handlers;

/// <summary>The <c>slack-interactions</c> function: an HTTP API (payload format 2.0) request in, its response out.</summary>
public sealed class SlackInteractionsInvocation(SlackInteractionsFunction function) : IInvocationHandler
{
    /// <inheritdoc />
    public Task<string> HandleAsync(string body, DateTimeOffset deadline, CancellationToken cancellationToken) => function.HandleJsonAsync(body, cancellationToken);
}
