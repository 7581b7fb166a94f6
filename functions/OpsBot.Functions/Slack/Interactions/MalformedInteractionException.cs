namespace OpsBot.Functions.Slack.Interactions;

/// <summary>A signed request whose body is not a click OpsBot understands; the message says exactly what is wrong.</summary>
public sealed class MalformedInteractionException(string message) : Exception(message);
