using OpsBot.Functions.Lambda;

namespace OpsBot.Lambda.Handlers;

/// <summary>The <c>event-handler</c> function: an SQS batch in, a partial batch response out.</summary>
public sealed class EventHandlerInvocation(EventHandlerFunction function) : IInvocationHandler
{
    /// <inheritdoc />
    public Task<string> HandleAsync(string body, CancellationToken cancellationToken) => function.HandleJsonAsync(body, cancellationToken);
}
