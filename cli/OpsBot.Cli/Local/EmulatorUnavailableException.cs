namespace OpsBot.Cli.Local;

/// <summary>No AWS emulator could be started or reached; the message says how to get one.</summary>
public sealed class EmulatorUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
