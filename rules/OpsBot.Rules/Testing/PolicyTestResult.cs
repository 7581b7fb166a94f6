namespace OpsBot.Rules.Testing;

/// <summary>The outcome of one test case: passed, or every difference found.</summary>
public sealed record PolicyTestResult(PolicyTestCase Case, IReadOnlyList<string> Failures, TimeSpan Elapsed)
{
    /// <summary>True when the case met every expectation.</summary>
    public bool Passed => Failures.Count == 0;
}
