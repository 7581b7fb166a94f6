namespace OpsBot.Cli.Commands;

/// <summary>An input file named on the command line that cannot be read.</summary>
internal sealed class InputFileException(string message) : Exception(message);
