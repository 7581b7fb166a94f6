using OpsBot.Rules.Policies;

namespace OpsBot.Cli.Scan;

/// <summary>What a scan of a saved inventory found.</summary>
/// <param name="Resources">How many resources were evaluated.</param>
/// <param name="Policies">The policies every resource was evaluated against (SARIF lists them as rules).</param>
/// <param name="Findings">One per (resource, matching policy), in inventory order.</param>
internal sealed record ScanReport(int Resources, IReadOnlyList<Policy> Policies, IReadOnlyList<ScanFinding> Findings)
{
    /// <summary>The number of findings per severity, most severe first; severities without findings are left out.</summary>
    public IReadOnlyList<(string Severity, int Count)> BySeverity =>
    [
        .. Findings.GroupBy(f => f.Policy.Severity)
            .OrderByDescending(g => g.Key)
            .Select(g => (g.Key.ToString().ToLowerInvariant(), g.Count())),
    ];

    /// <summary>The accounts and regions a live scan could not read (empty for a saved inventory).</summary>
    public IReadOnlyList<ScanFailure> Failures { get; init; } = [];

    /// <summary>True when a finding is at least as severe as <paramref name="threshold"/>.</summary>
    public bool HasFindingAtOrAbove(PolicySeverity threshold) => Findings.Any(f => f.Policy.Severity >= threshold);
}
