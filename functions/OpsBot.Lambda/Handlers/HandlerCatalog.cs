using OpsBot.Functions;
using OpsBot.Functions.Configuration;
using OpsBot.Functions.Slack.Secrets;

namespace OpsBot.Lambda.Handlers;

/// <summary>
/// Which function this process is: the handler name (<c>_HANDLER</c>, the template's <c>Handler</c>)
/// chooses among the functions that share the one bootstrap executable.
/// </summary>
public static class HandlerCatalog
{
    /// <summary>The SQS-fed event handler.</summary>
    public const string EventHandler = "event-handler";

    /// <summary>The Slack interactions endpoint (HTTP API, payload format 2.0).</summary>
    public const string SlackInteractions = "slack-interactions";

    /// <summary>The scheduled sweeper (expires lapsed approval requests, scans for missed violations).</summary>
    public const string Sweeper = "sweeper";

    /// <summary>The handler names this bootstrap serves.</summary>
    public static IReadOnlyList<string> Names { get; } = [EventHandler, SlackInteractions, Sweeper];

    /// <summary>Builds the handler called <paramref name="name"/> from the environment.</summary>
    /// <exception cref="InvalidSettingException">A setting is missing or malformed, or the name is unknown.</exception>
    public static IInvocationHandler Create(string? name, IEnvironmentVariables environment, HttpMessageHandler transport)
    {
        switch (name)
        {
            case EventHandler:
                return new EventHandlerInvocation(OpsBotRuntime.FromEnvironment(environment, transport, TimeProvider.System, log: Console.Out).EventHandler);
            case SlackInteractions:
                var runtime = OpsBotRuntime.FromEnvironment(environment, transport, TimeProvider.System, log: Console.Out);
                return new SlackInteractionsInvocation(runtime.SlackInteractions
                    ?? throw new InvalidSettingException(SlackEnvironment.SigningSecret, $"the {SlackInteractions} function needs Slack: set {SlackEnvironment.SecretArn}, or {SlackEnvironment.SigningSecret} and {SlackEnvironment.BotToken}"));
            case Sweeper:
                var sweeper = OpsBotRuntime.FromEnvironment(environment, transport, TimeProvider.System, log: Console.Out);
                var regions = sweeper.Settings.SweepRegions.Count > 0 ? sweeper.Settings.SweepRegions : [sweeper.Settings.Region];
                return new SweeperInvocation(sweeper.Sweeper, sweeper.MissedViolations, sweeper.StuckClaims, regions, TimeProvider.System, sweeper.Observer);
            default:
                throw new InvalidSettingException("_HANDLER", $"'{name}' is not a function of this bootstrap (known: {string.Join(", ", Names)})");
        }
    }
}
