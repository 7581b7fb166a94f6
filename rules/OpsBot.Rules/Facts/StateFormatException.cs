namespace OpsBot.Rules.Facts;

/// <summary>A resource-state document (describe output) that cannot be read as such.</summary>
public sealed class StateFormatException(string message) : Exception(message);
