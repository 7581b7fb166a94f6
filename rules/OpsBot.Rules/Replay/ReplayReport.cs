namespace OpsBot.Rules.Replay;

/// <summary>What OpsBot would have done over a CloudTrail history, decided on what each event requested.</summary>
/// <param name="Events">Events read.</param>
/// <param name="Evaluated">Events evaluated against at least one policy.</param>
/// <param name="Skipped">Events no policy concerns (or failed calls), counted by skip reason.</param>
/// <param name="Errors">Events that could not be evaluated, one line each (event id: why).</param>
/// <param name="Policies">Every loaded policy's counts, in policy-id order.</param>
public sealed record ReplayReport(int Events, int Evaluated, IReadOnlyDictionary<string, int> Skipped, IReadOnlyList<string> Errors, IReadOnlyList<PolicyReplayCounts> Policies)
{
    /// <summary>The policies that never matched.</summary>
    public IEnumerable<PolicyReplayCounts> NeverFired => Policies.Where(p => p.NeverFired);
}
