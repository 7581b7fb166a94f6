using OpsBot.Functions;
using OpsBot.Functions.Configuration;

namespace OpsBot.Lambda.Handlers;

/// <summary>
/// Which function this process is: the handler name (<c>_HANDLER</c>, the template's <c>Handler</c>)
/// chooses among the functions that share the one bootstrap executable.
/// </summary>
public static class HandlerCatalog
{
    /// <summary>The SQS-fed event handler.</summary>
    public const string EventHandler = "event-handler";

    /// <summary>The handler names this bootstrap serves.</summary>
    public static IReadOnlyList<string> Names { get; } = [EventHandler];

    /// <summary>Builds the handler called <paramref name="name"/> from the environment.</summary>
    /// <exception cref="InvalidSettingException">A setting is missing or malformed, or the name is unknown.</exception>
    public static IInvocationHandler Create(string? name, IEnvironmentVariables environment, HttpMessageHandler transport)
    {
        switch (name)
        {
            case EventHandler:
                var runtime = OpsBotRuntime.FromEnvironment(environment, transport, TimeProvider.System);
                return new EventHandlerInvocation(runtime.EventHandler);
            default:
                throw new InvalidSettingException("_HANDLER", $"'{name}' is not a function of this bootstrap (known: {string.Join(", ", Names)})");
        }
    }
}
