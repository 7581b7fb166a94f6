namespace OpsBot.Cli;

/// <summary>Exit codes of every verb.</summary>
internal static class ExitCodes
{
    /// <summary>Everything passed.</summary>
    public const int Success = 0;

    /// <summary>Policies are invalid, or test cases failed.</summary>
    public const int Failed = 1;

    /// <summary>Bad input: a missing or malformed file or option.</summary>
    public const int BadInput = 2;
}
