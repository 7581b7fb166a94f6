namespace OpsBot.Lambda.Handlers;

/// <summary>One Lambda function's logic behind the runtime loop: event JSON in, response JSON out.</summary>
public interface IInvocationHandler
{
    /// <summary>Handles one invocation; an exception becomes an invocation error.</summary>
    /// <param name="body">The event JSON.</param>
    /// <param name="deadline">When Lambda stops the invocation.</param>
    /// <param name="cancellationToken">Cancelled shortly before the invocation's deadline.</param>
    Task<string> HandleAsync(string body, DateTimeOffset deadline, CancellationToken cancellationToken);
}
