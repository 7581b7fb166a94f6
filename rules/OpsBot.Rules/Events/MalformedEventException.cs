namespace OpsBot.Rules.Events;

/// <summary>An event that cannot be read as a CloudTrail event; the message says exactly why.</summary>
public sealed class MalformedEventException(string message) : Exception(message);
