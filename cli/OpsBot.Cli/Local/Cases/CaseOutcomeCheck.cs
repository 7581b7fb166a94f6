using OpsBot.Functions.Audit;
using OpsBot.Rules.Evaluation;
using OpsBot.Rules.Testing;

namespace OpsBot.Cli.Local.Cases;

/// <summary>
/// Holds a case's expectation against the audit record the pipeline wrote for its event: the
/// event-level skip, exactly the policies that decided (with mode, action and how many elements
/// they matched), and the policies that must not have. The record is what OpsBot did, so a policy
/// that matched but whose action failed is a disagreement too.
/// </summary>
public static class CaseOutcomeCheck
{
    /// <summary>Each disagreement between <paramref name="testCase"/> and <paramref name="record"/>; none: the case passed.</summary>
    public static IReadOnlyList<string> Compare(PolicyTestCase testCase, AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        ArgumentNullException.ThrowIfNull(record);
        var failures = new List<string>();
        if (testCase.ExpectedSkip is { } skip)
        {
            if (record.Outcome != AuditOutcome.Skipped || !record.Reason.StartsWith(skip.Name() + ":", StringComparison.Ordinal))
            {
                failures.Add($"expected the event to be skipped as {skip.Name()}, the audit record says {Said(record)}");
            }

            return failures;
        }

        if (record.Outcome is AuditOutcome.Rejected)
        {
            failures.Add($"the event was rejected: {record.Reason}");
            return failures;
        }

        foreach (var want in testCase.ExpectedDecisions)
        {
            var got = record.Decisions.FirstOrDefault(d => d.PolicyId == want.Policy);
            if (got is null)
            {
                failures.Add($"expected policy {want.Policy} to match, the audit record says {Said(record)}");
                continue;
            }

            if (want.Mode is { } mode && !string.Equals(got.Mode, mode.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{want.Policy}: expected mode {mode.ToString().ToLowerInvariant()}, the audit record says {got.Mode}");
            }

            if (want.Action is { } action && got.Changes is { Count: > 0 } changes && changes.All(c => c.Action != action))
            {
                failures.Add($"{want.Policy}: expected action {action}, the audit record shows {string.Join(", ", changes.Select(c => c.Action).Distinct())}");
            }

            var matched = got.MatchedElements?.Count ?? got.Matched.Count;
            if (want.Matches.Count > 0 && matched != want.Matches.Count)
            {
                failures.Add($"{want.Policy}: expected {want.Matches.Count} matched element(s), the audit record lists {matched}: {string.Join("; ", (IEnumerable<object>?)got.MatchedElements ?? got.Matched)}");
            }

            if (got.Outcome is AuditOutcome.Failed)
            {
                failures.Add($"{want.Policy} matched, but acting on it failed: {got.Reason}");
            }
        }

        failures.AddRange(record.Decisions.Where(d => testCase.ExpectedDecisions.All(w => w.Policy != d.PolicyId))
            .Select(d => $"policy {d.PolicyId} matched unexpectedly ({d.Outcome.ToString().ToLowerInvariant()}: {d.Reason})"));
        return failures;
    }

    /// <summary>The record in one line: its outcome and reason.</summary>
    public static string Said(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return $"{record.Outcome.ToString().ToLowerInvariant()}: {record.Reason}";
    }
}
