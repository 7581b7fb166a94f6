using OpsBot.Functions.Lambda;
using OpsBot.Lambda.Runtime;

namespace OpsBot.Lambda.Handlers;

/// <summary>The <c>event-handler</c> function: an SQS batch in, a partial batch response out.</summary>
public sealed class EventHandlerInvocation(EventHandlerFunction function) : IInvocationHandler
{
    /// <inheritdoc />
    public Task<string> HandleAsync(string body, DateTimeOffset deadline, CancellationToken cancellationToken) =>
        function.HandleJsonAsync(body, deadline - LambdaBootstrap.DeadlineMargin, cancellationToken);
}
