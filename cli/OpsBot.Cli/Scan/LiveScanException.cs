namespace OpsBot.Cli.Scan;

/// <summary>A live scan could not start: no credentials, or the caller's identity, organization or regions could not be read.</summary>
internal sealed class LiveScanException(string message, Exception? innerException = null) : Exception(message, innerException);
