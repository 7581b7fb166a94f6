using OpsBot.Rules.Testing;

namespace OpsBot.Cli.Local.Cases;

/// <summary>One case's result on the emulator.</summary>
/// <param name="Case">The case.</param>
/// <param name="Status">Pass, fail or skip.</param>
/// <param name="Details">For a pass, what the audit record said; for a failure, each disagreement; for a skip, the reason.</param>
public sealed record CaseResult(PolicyTestCase Case, CaseStatus Status, IReadOnlyList<string> Details)
{
    /// <summary>The line printed for the case, e.g. <c>PASS  name  (remediated: ec2-sg-admin-ports-public)</c>.</summary>
    public string Line => Status switch
    {
        CaseStatus.Skip => $"SKIP  {Case.Name}: {string.Join("; ", Details)}",
        CaseStatus.Pass => $"PASS  {Case.Name}{(Details.Count == 0 ? "" : $"  ({Shorten(string.Join("; ", Details))})")}",
        _ => $"FAIL  {Case.Name}",
    };

    // What a pass says is a reminder, not the record: the reason of a skipped event can run long.
    private static string Shorten(string text) => text.Length <= 120 ? text : text[..119] + "…";
}
