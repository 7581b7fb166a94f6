using OpsBot.Rules.Policies;

namespace OpsBot.Cli.Scan;

/// <summary>One policy that matched one resource of a saved inventory.</summary>
/// <param name="Policy">The matching policy.</param>
/// <param name="ResourceId">The resource it matched, as its type names it (a group id, a bucket name).</param>
/// <param name="Account">The account given with <c>--account</c>, or empty.</param>
/// <param name="Region">The region given with <c>--region</c>, or empty.</param>
/// <param name="Matches">Each matched element in one line, e.g. its exposure.</param>
/// <param name="Explanation">Why, one sentence per line, as <c>opsbot eval</c> explains a decision.</param>
internal sealed record ScanFinding(
    Policy Policy,
    string ResourceId,
    string Account,
    string Region,
    IReadOnlyList<string> Matches,
    IReadOnlyList<string> Explanation)
{
    /// <summary>The policy's severity as policies write it: <c>info</c> … <c>critical</c>.</summary>
    public string Severity => Policy.Severity.ToString().ToLowerInvariant();
}
