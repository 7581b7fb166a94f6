namespace OpsBot.Cli.Local.Cases;

/// <summary>How a policy test case ended on the emulator.</summary>
public enum CaseStatus
{
    /// <summary>The audit record bore out the case's expectation.</summary>
    Pass,

    /// <summary>The audit record disagreed with the expectation (or no record was written).</summary>
    Fail,

    /// <summary>The case could not be run on the emulator; the reason says why. Not a pass.</summary>
    Skip,
}
